// Worker-thread entry for CPU-bound text work (training, hot topics). The server runs its TypeScript through tsx;
// a thread does not inherit loader hooks registered at run time, so it registers tsx itself before importing.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runTextTask } = await import('./text-tasks.ts');

/** A task's result, or its error as plain data (errors do not survive the thread boundary with their fields). */
async function settle(task, input) {
  try {
    return { ok: true, result: await runTextTask(task, input) };
  } catch (err) {
    return { ok: false, error: { name: err?.name ?? 'Error', message: err?.message ?? String(err), code: err?.code ?? null } };
  }
}

if (workerData && workerData.task) {
  // One-shot: run the task given at start, answer, and let the thread end.
  parentPort.postMessage(await settle(workerData.task, workerData.input));
} else {
  parentPort.on('message', async (message) => {
    parentPort.postMessage({ id: message.id, ...(await settle(message.task, message.input)) });
  });
}
