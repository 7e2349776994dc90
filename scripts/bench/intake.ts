// `npm run bench:intake` — intake throughput and latency through the HTTP API, on PGlite and on PostgreSQL.
//
// For each engine it starts the real server (`minsheng serve --demo`, a child process with its own event loop) on a
// fresh database, logs in as the demo intake agent and creates appeals, each with its own citizen phone number:
//   warm-up      3 s, 50 connections (not reported)
//   max          BENCH_DURATION s, 50 connections back to back (autocannon)       → appeals/s
//   rate 200/s   BENCH_DURATION s, one request every 5 ms (open loop)             → p50/p99 for the latency target
//   burst 200/s  (PostgreSQL) BENCH_DURATION s of autocannon overallRate 200, which sends each second's 200
//                requests at once: shown for comparison, no target
// then prints a table with the targets (PostgreSQL ≥ 1,000 appeals/s and p99 < 50 ms at 200 requests/s; PGlite
// ≥ 300 appeals/s), where the CPU went, and a PostgreSQL baseline: bare single-row INSERTs from 8 clients.
//
// Figures are printed, never asserted. The exit code is non-zero only when the benchmark itself fails: a server
// does not start, or the product answers a valid intake with a non-2xx status or drops a connection (the run says so
// loudly). Requests an overloaded server leaves unanswered for 10 s are reported loudly too, but are a result.
//
// Environment:
//   BENCH_ENGINES=pglite,postgres  engines to run (default both, in this order)
//   BENCH_DURATION=10              seconds of each measured run (1–120)
//   BENCH_CONNECTIONS=50           connections of the max-throughput run
//   BENCH_PROCESSES=1              PostgreSQL server processes sharing the port (MINSHENG_PROCESSES; intake peaks with one)
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres  PostgreSQL server (loopback only) on which the bench
//                                  database is created and dropped
//   BENCH_PROFILE=1 (or a list of engines)  afterwards, restart the server with scripts/bench/probe.mjs preloaded and
//                                  repeat one max run: SQL round trips per intake, time per statement, the counter
//                                  lock, event-loop delay and the CPU profile's top functions (not in the table)
//   MINSHENG_DB_POOL               passed through to the server (PostgreSQL pool size, default 10)
import { BASE_BODY, cannon, nextBody, paced, settle } from './load';
import type { RunResult } from './load';
import { PostgresAdmin, insertBaseline } from './postgres';
import type { InsertBaseline } from './postgres';
import { printProbe, probeWindow } from './probe-report';
import { broken, engineList, fmtMs, freshStore, machineNote, measured, reportFailures, runMain, servingEnv, withProbedServer } from './run-parts';
import { loginAgent, startServer } from './server';
import type { Engine } from './server';
import { intEnv } from './env';

interface BenchConfig { duration: number; warmup: number; connections: number; engines: Engine[]; profileEngines: Engine[]; pgUrl: string }

/** The environment, checked (a bad value fails the run with a message, before anything starts). */
function configure(): BenchConfig {
  const duration = intEnv('BENCH_DURATION', 10, 1, 120);
  const profile = process.env.BENCH_PROFILE ?? '';
  const engines = engineList(process.env.BENCH_ENGINES ?? 'pglite,postgres', 'BENCH_ENGINES');
  if (!engines.length) throw new Error('BENCH_ENGINES names no engine');
  return {
    duration,
    warmup: Math.min(3, duration),
    connections: intEnv('BENCH_CONNECTIONS', 50, 1, 500),
    engines,
    profileEngines: profile === '' || profile === '0' ? [] : profile === '1' ? ['postgres'] : engineList(profile, 'BENCH_PROFILE'),
    pgUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

let cfg: BenchConfig;
const RATE = 200;
const HARD_DEADLINE_MS = 15 * 60_000;
const TARGETS = { postgresMax: 1000, postgresP99: 50, pgliteMax: 300 };
const RATE_MODE = `rate ${RATE}/s`;
const BURST_MODE = `burst ${RATE}/s`;

// ── output ─────────────────────────────────────────────────────────────────────────────────────────────────────────

function target(r: RunResult): string {
  const mark = (ok: boolean) => (ok ? '✔' : '✘');
  if (r.engine === 'postgres' && r.mode === 'max') return `${mark(r.perSecond >= TARGETS.postgresMax)} ≥ ${TARGETS.postgresMax.toLocaleString('en')}/s`;
  if (r.engine === 'pglite' && r.mode === 'max') return `${mark(r.perSecond >= TARGETS.pgliteMax)} ≥ ${TARGETS.pgliteMax}/s`;
  // The latency target holds only if the server also kept up with the offered rate.
  if (r.engine === 'postgres' && r.mode === RATE_MODE) return `${mark(r.p99 < TARGETS.postgresP99 && r.perSecond >= 0.97 * RATE)} p99 < ${TARGETS.postgresP99} ms`;
  return '';
}

/** CPU milliseconds per created appeal: the server process (+ PostgreSQL's backends). Contention does not change it much. */
function cpuPerAppeal(r: RunResult): string {
  if (!r.cpu || r.cpu.server === null || !r.ok) return '?';
  const per = (cores: number) => ((cores * r.cpu!.seconds * 1000) / r.ok).toFixed(1);
  return r.cpu.postgres === null ? per(r.cpu.server) : `${per(r.cpu.server)} + ${per(r.cpu.postgres)}`;
}

function printTable(results: RunResult[]): void {
  const head = ['engine', 'mode', 'requests', 'non-2xx', 'errors', 'appeals/s', 'p50 ms', 'p99 ms', 'server CPU', 'CPU ms/appeal', 'target'];
  const rows = results.map((r) => [r.engine, r.mode, String(r.requests), String(r.non2xx), r.timeouts ? `${r.errors} (${r.timeouts} t/o)` : String(r.errors), r.perSecond.toFixed(0), fmtMs(r.p50), fmtMs(r.p99),
    r.cpu?.server == null ? '?' : `${(100 * r.cpu.server).toFixed(0)}%`, cpuPerAppeal(r), target(r)]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => (i <= 1 || i === row.length - 1 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ').trimEnd();
  console.log(fmt(head));
  console.log(width.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(fmt(row));
}

// ── one engine ─────────────────────────────────────────────────────────────────────────────────────────────────────

async function benchEngine(engine: Engine, admin: PostgresAdmin | null): Promise<{ results: RunResult[]; baseline?: InsertBaseline }> {
  console.log(`\n━━ ${engine} ━━`);
  const results: RunResult[] = [];
  const store = await freshStore(engine, admin);
  const { env, db } = store;

  console.log('  starting the server (the first start seeds the demo jurisdiction: 20–30 s)…');
  const server = await startServer(engine, servingEnv(engine, env, 1), engine);
  try {
    const token = await loginAgent(server);
    // One intake by hand: a broken body fails here with the server's message rather than as 10 s of 4xx.
    const first = await fetch(`${server.baseUrl}/api/appeals`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: nextBody(), signal: AbortSignal.timeout(10_000),
    });
    if (first.status !== 201) throw new Error(`a single intake failed: HTTP ${first.status} ${(await first.text()).slice(0, 500)}`);

    await machineNote(server, db, admin);
    console.log(`  warm-up ${cfg.warmup} s, ${cfg.connections} connections (not reported)…`);
    const warm = await cannon(server, token, 'warm-up', { seconds: cfg.warmup, connections: cfg.connections });
    console.log(`    ${warm.ok} appeals, ${warm.perSecond.toFixed(0)}/s`);
    reportFailures(warm);

    console.log(`  max: ${cfg.duration} s, ${cfg.connections} connections back to back…`);
    results.push(await measured(server, db, admin, () => cannon(server, token, 'max', { seconds: cfg.duration, connections: cfg.connections })));
    console.log(`  ${RATE_MODE}: ${cfg.duration} s, one request every ${1000 / RATE} ms, latency from each request's due time…`);
    results.push(await measured(server, db, admin, () => paced(server, token, RATE_MODE, { seconds: cfg.duration, rate: RATE })));
    if (engine === 'postgres') {
      console.log(`  ${BURST_MODE}: ${cfg.duration} s of autocannon overallRate ${RATE} over ${cfg.connections} connections (each second's quota sent at once)…`);
      results.push(await measured(server, db, admin, () => cannon(server, token, BURST_MODE, { seconds: cfg.duration, connections: cfg.connections, overallRate: RATE })));
    }
  } finally {
    await server.stop();
  }

  if (cfg.profileEngines.includes(engine)) {
    await withProbedServer(engine, env, async (probed, probeDir) => {
      const token = await loginAgent(probed);
      await cannon(probed, token, 'warm-up', { seconds: cfg.warmup, connections: cfg.connections });
      await settle(probed);
      const { run, window, profile, profileFile } = await probeWindow(probed, probeDir, 1, () => cannon(probed, token, 'max (probed)', { seconds: cfg.duration, connections: cfg.connections }));
      reportFailures(run);
      printProbe(probed, run, window, profile, profileFile);
    });
  }

  let baseline: InsertBaseline | undefined;
  if (db) {
    console.log('  baseline: bare single-row INSERTs into a scratch table, 8 clients, 3 s…');
    baseline = await insertBaseline(db.url, BASE_BODY.content);
    console.log(`    ${baseline.perSecond.toFixed(0)} rows/s`);
  }
  await store.dispose();
  return { results, ...(baseline ? { baseline } : {}) };
}

// ── main ───────────────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<number> {
  cfg = configure();
  const admin = cfg.engines.includes('postgres') ? new PostgresAdmin(cfg.pgUrl) : null;
  let pgVersion = '';
  if (admin) {
    try {
      pgVersion = await admin.version();
    } catch (err) {
      throw new Error(`PostgreSQL at ${admin.host} is not reachable (${(err as Error).message}); start one (bash .ci/run does), set BENCH_PG_URL, or BENCH_ENGINES=pglite`);
    }
  }
  console.log(`intake benchmark: ${cfg.engines.join(', ')}; ${cfg.duration} s per run, ${cfg.connections} connections; node ${process.version}` +
    `${pgVersion ? `, PostgreSQL ${pgVersion}` : ''}; server pool MINSHENG_DB_POOL=${process.env.MINSHENG_DB_POOL ?? '10 (default)'}`);

  const all: RunResult[] = [];
  let baseline: InsertBaseline | undefined;
  for (const engine of cfg.engines) {
    const outcome = await benchEngine(engine, admin);
    all.push(...outcome.results);
    baseline ??= outcome.baseline;
  }

  console.log('\n━━ results ━━');
  printTable(all);
  console.log(`appeals/s: 2xx responses per second; p50/p99 of 2xx responses; errors: requests without a response (t/o: none within 10 s);
server CPU: the server process, 100% = one core (PGlite runs inside it); CPU ms/appeal: server (+ PostgreSQL backends) per created appeal.
"${RATE_MODE}": open loop, one request every ${1000 / RATE} ms, latency from its due time (queueing included); its target also needs ≥ ${0.97 * RATE}/s achieved.
"${BURST_MODE}": autocannon overallRate ${RATE}: each second's ${RATE} requests are released at once over ${cfg.connections} connections, latency from the send.`);
  if (baseline) {
    const intake = all.find((r) => r.engine === 'postgres' && r.mode === 'max');
    console.log(`\nPostgreSQL baseline: ${baseline.rows} bare single-row INSERTs in ${baseline.seconds.toFixed(1)} s from ${baseline.clients} clients = ${baseline.perSecond.toFixed(0)} rows/s (p50 ${fmtMs(baseline.p50)} ms, p99 ${fmtMs(baseline.p99)} ms` +
      `${baseline.postgresCpuMsPerRow === null ? '' : `, PostgreSQL CPU ${baseline.postgresCpuMsPerRow.toFixed(2)} ms per row`})`);
    if (intake) console.log(`intake/s ÷ insert/s = ${intake.perSecond.toFixed(0)} ÷ ${baseline.perSecond.toFixed(0)} = ${(intake.perSecond / baseline.perSecond).toFixed(3)}`);
  }
  const crowded = all.filter((r) => (r.cpu?.other ?? 0) > 0.2);
  if (crowded.length) {
    console.warn(`\n⚠ other processes used CPU during ${crowded.map((r) => `${r.engine} ${r.mode} (${r.cpu!.other!.toFixed(2)} cores)`).join(', ')}: those figures are understated.`);
  }
  const timedOut = all.filter((r) => r.timeouts > 0);
  if (timedOut.length) console.warn(`\n⚠ requests timed out (no answer within 10 s) in ${timedOut.map((r) => `${r.engine} ${r.mode} (${r.timeouts})`).join(', ')}`);
  const failed = all.filter(broken);
  if (failed.length) {
    console.error(`\n✘ failed requests in ${failed.map((r) => `${r.engine} ${r.mode}`).join(', ')} (see the !!! blocks above): exit 1`);
    return 1;
  }
  return 0;
}

await runMain('bench:intake', main, HARD_DEADLINE_MS);
