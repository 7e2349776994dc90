// Driving scripts/bench/probe.mjs inside a server (SIGUSR2 opens and closes a measurement window) and printing what
// it saw: SQL round trips per intake or request, where the time until each result goes, the counter-row lock, the event loop
// and the CPU profile's top functions.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { formatCpuSummary, summariseCpuProfile } from './cpuprofile-summary';
import type { CpuProfile } from './cpuprofile-summary';
import type { RunResult } from './load';
import type { Server } from './server';
import { repoRoot, sleep } from './server';

interface Distribution { count: number; mean: number; p50: number; p99: number; sumMs: number }

export interface ProbeWindow {
  elapsedMs: number;
  queries: number;
  queryMs: number;
  connects: number;
  connectWaitMs: number;
  connectWaitMaxMs: number;
  statements: { sql: string; count: number; ms: number }[];
  transactionMs: Distribution | null;
  lockHoldMs: Distribution | null;
  lockSql: string;
  eventLoopDelayMs: { mean: number; p50: number; p99: number; max: number };
}

/** The environment that preloads the probe into a server writing its windows to `dir`. */
export function probeEnv(dir: string): Record<string, string> {
  return { NODE_OPTIONS: `--import ${pathToFileURL(join(repoRoot, 'scripts/bench/probe.mjs')).href}`, BENCH_PROBE_DIR: dir };
}

async function waitForFile(server: Server, file: string): Promise<void> {
  const deadline = performance.now() + 20_000;
  while (!existsSync(file)) {
    if (performance.now() > deadline) throw new Error(`the probe wrote no ${file}: is scripts/bench/probe.mjs preloaded? server output:\n    ${server.log.slice(-20).join('\n    ')}`);
    await sleep(50);
  }
}

/** Run `during` inside probe window `n` and read what the probe wrote. */
export async function probeWindow(server: Server, dir: string, n: number, during: () => Promise<RunResult>): Promise<{ run: RunResult; window: ProbeWindow; profile: CpuProfile | null; profileFile: string | null }> {
  server.child.kill('SIGUSR2');
  await waitForFile(server, join(dir, `window-${n}.started`)); // the profiler starts asynchronously
  const run = await during();
  server.child.kill('SIGUSR2');
  const file = join(dir, `window-${n}.json`);
  await waitForFile(server, file);
  const window = JSON.parse(readFileSync(file, 'utf8')) as ProbeWindow;
  const cpuFile = join(dir, `window-${n}.cpuprofile`);
  let profile: CpuProfile | null = null;
  let profileFile: string | null = null;
  if (existsSync(cpuFile)) {
    profile = JSON.parse(readFileSync(cpuFile, 'utf8')) as CpuProfile;
    // Kept after the run (outside the repository) for Chrome DevTools or cpuprofile-summary.ts.
    profileFile = join(tmpdir(), `minsheng-bench-${server.engine}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    copyFileSync(cpuFile, profileFile);
  }
  return { run, window, profile, profileFile };
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

export function printProbe(server: Server, run: RunResult, w: ProbeWindow, profile: CpuProfile | null, profileFile: string | null, noun = 'intake'): void {
  const intakes = Math.max(1, run.requests + run.errors);
  console.log(`\n── probe: ${server.engine}, one max run with the probe preloaded: ${run.ok} ${noun === 'intake' ? 'appeals' : '2xx answers'}, ${run.perSecond.toFixed(0)}/s, p50 ${ms(run.p50)} ms, p99 ${ms(run.p99)} ms (the probe costs some throughput) ──`);
  const d = w.eventLoopDelayMs;
  console.log(`server event-loop delay: mean ${ms(d.mean)} ms, p50 ${ms(d.p50)} ms, p99 ${ms(d.p99)} ms, max ${ms(d.max)} ms (every SQL result waits this long before the next statement is sent)`);
  if (server.engine === 'postgres') {
    console.log(`SQL round trips: ${w.queries} pg queries in ${(w.elapsedMs / 1000).toFixed(1)} s = ${(w.queries / intakes).toFixed(2)} per ${noun}`);
    console.log(`  summed wait for query results: ${ms(w.queryMs / intakes)} ms per ${noun} (client side: PostgreSQL time + network + lock queue + event-loop delay)`);
    console.log(`  pool checkouts: ${(w.connects / intakes).toFixed(2)} per ${noun}, waiting ${ms(w.connectWaitMs / Math.max(1, w.connects))} ms on average (max ${w.connectWaitMaxMs} ms) for one of the pool's connections`);
    if (w.transactionMs) console.log(`  transactions: ${w.transactionMs.count}, open BEGIN→COMMIT mean ${ms(w.transactionMs.mean)} ms, p99 ${ms(w.transactionMs.p99)} ms`);
    if (w.lockHoldMs) {
      const cap = 1000 / w.lockHoldMs.mean;
      console.log(`  row lock of /${w.lockSql}/ held (its result → COMMIT answered) mean ${ms(w.lockHoldMs.mean)} ms, p50 ${ms(w.lockHoldMs.p50)} ms, p99 ${ms(w.lockHoldMs.p99)} ms`);
      console.log(`    → intakes of one day run one at a time through that section: at most ~${cap.toFixed(0)} appeals/s at this hold time (busy ${(100 * w.lockHoldMs.sumMs / w.elapsedMs).toFixed(0)}% of the window)`);
    }
    console.log(`  statements per ${noun} × mean ms until the result arrived:`);
    for (const s of w.statements.slice(0, 15)) console.log(`    ${(s.count / intakes).toFixed(2).padStart(5)} × ${ms(s.ms / Math.max(1, s.count)).padStart(6)} ms  ${s.sql}`);
  }
  if (profile) {
    console.log(formatCpuSummary(summariseCpuProfile(profile, 25)));
    console.log(`CPU profile of the window: ${profileFile} (open in Chrome DevTools › Performance, or npx tsx scripts/bench/cpuprofile-summary.ts FILE)`);
  }
}
