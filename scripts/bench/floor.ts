// The HTTP floor beside each load scenario (floor-server.mjs): the same requests from the same load generator,
// answered with the product's own answer bytes by a bare node:http server — the most any server could do here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';
import { repoRoot, stopChild } from './server';
import type { Engine, Server } from './server';

/** Start the floor server answering with `answer`, in `processes` processes; stop it with `stop()`. */
export async function startFloor(engine: Engine, answer: string, processes: number): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-floor-'));
  const file = join(dir, 'answer.json');
  writeFileSync(file, answer);
  const child = spawn(process.execPath, [join(repoRoot, 'scripts/bench/floor-server.mjs'), file, String(processes)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = async () => { await stopChild(child); rmSync(dir, { recursive: true, force: true }); };
  const unregister = onCleanup('stop the floor server', stop);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /floor listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the floor server exited during start-up (code ${code})`)));
    setTimeout(() => reject(new Error('the floor server did not start within 10 s')), 10_000).unref();
  }).catch(async (err: Error) => { unregister(); await stop(); throw err; });
  return {
    engine, child, pid: child.pid, baseUrl: `http://127.0.0.1:${port}`, port, log: [],
    stop: async () => { unregister(); await stop(); },
  };
}
