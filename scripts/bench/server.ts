// The product under test: `minsheng serve --demo` as a child process (its own event loop, as in production),
// on a random loopback port, stopped with SIGTERM and, after 5 s, SIGKILL.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { onCleanup } from './cleanup';
import { intEnv } from './env';

export type Engine = 'pglite' | 'postgres';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const serverBin = join(repoRoot, 'apps/server/bin/minsheng.mjs');
/** The personal-data key of every bench server and of the commands run on its database. */
export const BENCH_SECRET = 'bench-secret-not-for-production-0123456789';
// BENCH_START_TIMEOUT (seconds): a crowded machine can take minutes to seed the demo.
const START_TIMEOUT_MS = intEnv('BENCH_START_TIMEOUT', 180, 10, 3600) * 1000;
const HEALTH_TIMEOUT_MS = 30_000;

export interface Server {
  engine: Engine;
  child: ChildProcess;
  pid: number | undefined;
  baseUrl: string;
  port: number;
  /** The last 200 lines the server printed. */
  log: string[];
  stop: () => Promise<void>;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onExit = () => { clearTimeout(timer); resolve(true); };
    const timer = setTimeout(() => { child.off('exit', onExit); resolve(false); }, ms);
    child.once('exit', onExit);
  });
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, 5000)) return;
  console.error(`  server pid ${child.pid} still running 5 s after SIGTERM: SIGKILL`);
  child.kill('SIGKILL');
  await waitForExit(child, 5000);
}

/**
 * Start the server on the given database environment (DATABASE_URL or MINSHENG_DATA_DIR) and wait until it prints
 * its URL and answers GET /api/health. The background worker is off so it does not share the measurement.
 */
export async function startServer(engine: Engine, env: Record<string, string>, label: string): Promise<Server> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'MINSHENG_DATA_DIR', 'NODE_OPTIONS', 'PORT', 'HOST', 'MINSHENG_JURISDICTION', 'NODE_ENV', 'BENCH_PROBE_DIR']) delete childEnv[k];
  Object.assign(childEnv, { PORT: '0', HOST: '127.0.0.1', MINSHENG_WORKERS: '0', LOG_LEVEL: 'warn', MINSHENG_SECRET: BENCH_SECRET }, env);
  const started = performance.now();
  const child = spawn(process.execPath, [serverBin, 'serve', '--demo'], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const unregister = onCleanup(`stop the ${label} server`, () => stopChild(child));
  const log: string[] = [];
  const server: Server = {
    engine, child, pid: child.pid, baseUrl: '', port: 0, log,
    stop: async () => { unregister(); await stopChild(child); },
  };
  const tail = () => log.slice(-30).join('\n    ');

  let announce: (url: string) => void = () => {};
  const announced = new Promise<string>((resolve) => { announce = resolve; });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        log.push(line);
        if (log.length > 200) log.shift();
        const m = /console: (http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
        if (m) announce(m[1]!);
      }
    });
  }
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    announced.then((url) => ({ url })),
    new Promise<{ why: string }>((resolve) => child.once('exit', (code, signal) => resolve({ why: `exited during start-up (code ${code}, signal ${signal})` }))),
    new Promise<{ why: string }>((resolve) => { timer = setTimeout(() => resolve({ why: `did not start within ${START_TIMEOUT_MS / 1000} s` }), START_TIMEOUT_MS); }),
  ]);
  clearTimeout(timer);
  if ('why' in outcome) {
    await server.stop();
    throw new Error(`the ${label} server ${outcome.why}; its last output:\n    ${tail()}`);
  }
  server.baseUrl = outcome.url;
  server.port = Number(new URL(outcome.url).port);

  const deadline = performance.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    try {
      const res = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) break;
    } catch { /* not answering yet */ }
    if (performance.now() > deadline || child.exitCode !== null) {
      await server.stop();
      throw new Error(`the ${label} server never answered GET /api/health with 200; its last output:\n    ${tail()}`);
    }
    await sleep(250);
  }
  console.log(`  ${label} server up at ${server.baseUrl} (pid ${child.pid}) after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return server;
}

/** Log in as a demo user and return the bearer token. */
export async function loginAs(server: Server, username: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(10_000),
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = await res.json().catch(() => null) as { token?: string } | null;
  if (res.status !== 200 || !body?.token) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** Log in as the demo intake agent and return the bearer token. */
export function loginAgent(server: Server): Promise<string> {
  return loginAs(server, 'agent');
}
