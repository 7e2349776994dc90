// Pieces every HTTP load benchmark (bench:intake, bench:load) shares: the engine list, a fresh database per engine,
// one measured run with CPU accounting, loud failure reports, and a main() wrapper that cleans up on every exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupAll, onCleanup } from './cleanup';
import { formatCpu, othersBusy, processTree, startCpuMeter } from './cpu';
import { intEnv } from './env';
import { settle } from './load';
import type { RunResult } from './load';
import type { BenchDatabase, PostgresAdmin } from './postgres';
import { probeEnv } from './probe-report';
import { startServer } from './server';
import type { Engine, Server } from './server';

export function engineList(raw: string, name: string): Engine[] {
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of list) if (e !== 'pglite' && e !== 'postgres') throw new Error(`${name}: unknown engine "${e}" (pglite, postgres)`);
  return [...new Set(list)] as Engine[];
}

export function fmtMs(n: number): string {
  return Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : '—';
}

/** A failed benchmark: the product answered a valid request with an error, dropped a connection, or answered nothing. */
export function broken(r: RunResult): boolean {
  return r.non2xx > 0 || r.errors - r.timeouts > 0 || r.ok === 0;
}

/** Say loudly when a run had failures (timeouts included); true when it did. */
export function reportFailures(r: RunResult): boolean {
  if (!r.non2xx && !r.errors && r.ok > 0) return false;
  const bar = '!'.repeat(100);
  console.error(`\n${bar}\n!!! ${r.engine} ${r.mode}: ${r.non2xx} non-2xx responses and ${r.errors} requests without a response (${r.timeouts} of them timed out after 10 s) out of ${r.requests + r.errors} requests (${r.ok} answered 2xx)`);
  console.error(`!!! status codes: ${JSON.stringify(r.statuses)}`);
  if (r.sample) console.error(`!!! first failure: ${r.sample}`);
  console.error(broken(r)
    ? `!!! the product failed valid requests: this run's figures are not trustworthy and the benchmark exits non-zero.\n${bar}`
    : `!!! timeouts only: the server could not keep up with this load (req/s and latencies count answered 2xx only).\n${bar}`);
  return true;
}

/** Where one engine's server keeps its data: a fresh PostgreSQL database or a fresh PGlite folder. */
export interface EngineStore { env: Record<string, string>; db: BenchDatabase | null; dispose: () => Promise<void> }

export async function freshStore(engine: Engine, admin: PostgresAdmin | null): Promise<EngineStore> {
  if (engine === 'postgres') {
    const db = await admin!.createDatabase();
    console.log(`  fresh database ${db.name} on ${admin!.host}`);
    // BENCH_KEEP=1 leaves the database behind (its URL printed) to read the plans of what was measured.
    const keep = intEnv('BENCH_KEEP', 0, 0, 1) === 1;
    return { env: { DATABASE_URL: db.url }, db, dispose: keep ? async () => { db.keep(); console.log(`  kept database ${db.url}`); } : () => db.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-bench-pglite-'));
  const unregister = onCleanup(`remove ${dir}`, async () => rmSync(dir, { recursive: true, force: true }));
  console.log(`  fresh PGlite data folder ${dir}`);
  return { env: { MINSHENG_DATA_DIR: dir }, db: null, dispose: async () => { unregister(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * Server processes of a run. BENCH_PROCESSES (PostgreSQL only): server processes sharing the port
 * (MINSHENG_PROCESSES). Reads peak with two on this 2-core machine; intake peaks with one (measured: 1,252 against
 * 900 appeals/s), because each intake waits on the day's number counter and PostgreSQL needs the other core. PGlite
 * lives inside one process. Probed runs (BENCH_PROFILE) keep one process, so their profile is the whole server.
 */
export function serverProcesses(engine: Engine, defaultProcesses: number): number {
  return engine === 'postgres' ? intEnv('BENCH_PROCESSES', defaultProcesses, 1, 16) : 1;
}

/** The server's environment with its process count (MINSHENG_PROCESSES) on PostgreSQL. */
export function servingEnv(engine: Engine, env: Record<string, string>, defaultProcesses: number): Record<string, string> {
  return engine === 'postgres' ? { ...env, MINSHENG_PROCESSES: String(serverProcesses(engine, defaultProcesses)) } : env;
}

/** The machine's state before measuring: load average and the CPU other processes (not ours) keep busy. */
export async function machineNote(server: Server, db: BenchDatabase | null, admin: PostgresAdmin | null): Promise<void> {
  await settle(server);
  const pids = [...(server.pid ? processTree(server.pid) : []), ...(db && admin ? await admin.backendPids(db.name) : [])];
  const busy = await othersBusy(pids);
  const load = loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`  machine: load average ${load}; other processes keep ${busy === null ? '?' : busy.toFixed(2)} CPU cores busy`);
  if (busy !== null && busy > 0.3) console.warn('  ⚠ the machine is not quiet: the figures will be understated');
}

/** One measured run with CPU accounting (the PostgreSQL backends are those of the bench database). */
export async function measured(server: Server, db: BenchDatabase | null, admin: PostgresAdmin | null, run: () => Promise<RunResult>, noun = 'appeals'): Promise<RunResult> {
  await settle(server);
  const pids = async () => (db && admin ? admin.backendPids(db.name) : []);
  const meter = startCpuMeter(server.pid, await pids());
  const result = await run();
  result.cpu = meter.stop(await pids());
  console.log(`    ${result.ok} ${noun}, ${result.perSecond.toFixed(0)}/s, p50 ${fmtMs(result.p50)} ms, p99 ${fmtMs(result.p99)} ms; ${formatCpu(result.cpu)}`);
  const st = result.stalls;
  if (st) console.log(`    slowest answer ${fmtMs(st.slowestMs)} ms (due ${st.slowestAtSecond.toFixed(1)} s into the run); load generator's event-loop delay p99 ${fmtMs(st.clientP99)} ms, max ${fmtMs(st.clientMax)} ms; p99 by second: ${st.p99BySecond.map((ms) => fmtMs(ms)).join(' ')} ms`);
  reportFailures(result);
  return result;
}

/**
 * Run a benchmark's main(): cleans up (servers, databases, folders) on success, failure, Ctrl-C and after
 * `deadlineMs`, then exits with main's code (1 when it threw).
 */
export async function runMain(name: string, main: () => Promise<number>, deadlineMs: number): Promise<never> {
  const hardDeadline = setTimeout(() => {
    console.error(`${name} did not finish within ${deadlineMs / 60_000} min: stopping`);
    void cleanupAll().finally(() => process.exit(1));
  }, deadlineMs);
  hardDeadline.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up…`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  let code = 1;
  try {
    code = await main();
  } catch (err) {
    console.error(`\n${name} failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    await cleanupAll();
  }
  process.exit(code);
}

/**
 * BENCH_PROFILE: restart the server on the same data with scripts/bench/probe.mjs preloaded, run `probe` against it,
 * and stop it again (its probe folder is removed at cleanup).
 */
export async function withProbedServer(engine: Engine, env: Record<string, string>, probe: (server: Server, probeDir: string) => Promise<void>): Promise<void> {
  const probeDir = mkdtempSync(join(tmpdir(), 'minsheng-bench-probe-'));
  onCleanup(`remove ${probeDir}`, async () => rmSync(probeDir, { recursive: true, force: true }));
  console.log('  probe: restarting the server on the same database with scripts/bench/probe.mjs preloaded…');
  const server = await startServer(engine, { ...env, ...probeEnv(probeDir) }, `${engine} (probed)`);
  try {
    await probe(server, probeDir);
  } finally {
    await server.stop();
  }
}
