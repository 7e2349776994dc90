import { Worker } from 'node:worker_threads';
import { TextInputError } from '@minsheng/text';
import type { TextTasks, TextTaskName } from './text-tasks';

const ENTRY = new URL('./text-thread.mjs', import.meta.url);

type Input<K extends TextTaskName> = Parameters<TextTasks[K]>[0];
type Output<K extends TextTaskName> = ReturnType<TextTasks[K]>;
type Reply = { ok: true; result: unknown } | { ok: false; error: { name: string; message: string; code: string | null } };

/** A thread's failure as an error again; bad data stays a TextInputError so callers can answer 4xx. */
function toError(error: { name: string; message: string; code: string | null }): Error {
  if (error.name === 'TextInputError' && (error.code === 'invalid_input' || error.code === 'invalid_model')) return new TextInputError(error.code, error.message);
  return new Error(`text thread: ${error.message}`);
}

/**
 * Runs one task in a thread of its own that ends with it (training: seconds to minutes of CPU and a few hundred MB,
 * killed when it overruns `timeoutMs`). The event loop stays free the whole time.
 */
export function runOnceInThread<K extends TextTaskName>(task: K, input: Input<K>, timeoutMs: number): Promise<Output<K>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { task, input } });
    let settled = false;
    const finish = (fn: () => void) => { if (!settled) { settled = true; clearTimeout(timer); fn(); void worker.terminate(); } };
    const timer = setTimeout(() => finish(() => reject(new Error(`text task ${task} took longer than ${timeoutMs} ms`))), timeoutMs);
    worker.once('message', (reply: Reply) => finish(() => (reply.ok ? resolve(reply.result as Output<K>) : reject(toError(reply.error)))));
    worker.once('error', (err) => finish(() => reject(err)));
    worker.once('exit', (code) => finish(() => reject(new Error(`text thread exited with code ${code}`))));
  });
}

/**
 * One long-lived thread for short CPU-bound requests (hot topics over a few thousand appeals): started on first use,
 * kept warm (jieba's dictionary loads once), never holding the process open. A task that overruns restarts it.
 */
export class TextThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  run<K extends TextTaskName>(task: K, input: Input<K>, timeoutMs: number): Promise<Output<K>> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<Output<K>>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`text task ${task} took longer than ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      worker.postMessage({ id, task, input });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.fail(new Error('text thread closed'));
    if (worker) await worker.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY);
    worker.on('message', (reply: Reply & { id: number }) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.result); else p.reject(toError(reply.error));
    });
    worker.on('error', (err) => { if (this.worker === worker) this.fail(err); });
    worker.on('exit', () => { if (this.worker === worker) this.fail(new Error('text thread exited')); });
    // After the listeners: attaching a 'message' listener refs the port again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Rejects everything in flight and drops the thread; the next task starts a fresh one. */
  private fail(err: Error): void {
    const worker = this.worker;
    this.worker = null;
    for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(err); }
    this.pending.clear();
    if (worker) void worker.terminate();
  }
}
