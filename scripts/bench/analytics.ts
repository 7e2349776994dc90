// `npm run bench:analytics` — dashboards, indicators and the monthly report at scale (issue 7), on PostgreSQL and PGlite.
//
// Per engine: a database with BENCH_APPEALS generated appeals (`minsheng bench generate`: copies of real demo
// lifecycles over 3 years, with their events and clocks), the analytics rollups rebuilt (`minsheng analytics
// rebuild`), then the real server (a child process) answers, over HTTP:
//   - each dashboard request of the console, BENCH_REPEAT times, as the centre's leader and as a street's leader
//     (p50/p95/max; target p95 < 500 ms),
//   - last month's indicators for every unit, with sub-units rolled up (target < 2 s),
//   - last month's monthly report (月报), generated on demand (target < 30 s),
// and finally `minsheng analytics verify` recomputes a random sample of appeals by brute force from their events and
// compares it with the rollups exactly (the check is printed; any mismatch fails the run).
//
// Environment:
//   BENCH_ENGINES=postgres,pglite   engines (default both)
//   BENCH_APPEALS=10000000          appeals on PostgreSQL (default 10,000,000); BENCH_PGLITE_APPEALS=100000 on PGlite
//   BENCH_DB_URL=postgres://…/db    use (and keep) this PostgreSQL database; appeals already generated there count
//                                   (a 10-million load takes a long while: generate once, measure many times)
//   BENCH_PGLITE_DIR=/path          use (and keep) this PGlite data folder likewise
//   BENCH_MONTHS=4                  generate over this many months instead of 3 years: 10 million's monthly density
//                                   with fewer appeals (e.g. BENCH_APPEALS=1000000 BENCH_MONTHS=4)
//   BENCH_REBUILD=0                 skip `minsheng analytics rebuild` (a kept database already rebuilt and folded)
//   BENCH_REPEAT=20                 requests per dashboard probe
//   BENCH_VERIFY_SAMPLE=2000        appeals recomputed by brute force
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres  server on which a throw-away database is created
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanupAll, onCleanup } from './cleanup';
import { intEnv } from './env';
import { percentile } from './load';
import { PostgresAdmin } from './postgres';
import { freshStore } from './run-parts';
import { BENCH_SECRET, loginAs, repoRoot, startServer } from './server';
import type { Engine, Server } from './server';

const REPEAT = intEnv('BENCH_REPEAT', 20, 3, 1_000);
const MONTHS = process.env.BENCH_MONTHS ? intEnv('BENCH_MONTHS', 12, 1, 120) : null;
const REBUILD = process.env.BENCH_REBUILD !== '0';
const SAMPLE = intEnv('BENCH_VERIFY_SAMPLE', 2_000, 10, 1_000_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((s) => s.trim()).filter(Boolean) as Engine[];
const serverBin = join(repoRoot, 'apps/server/bin/minsheng.mjs');

interface Row { name: string; p50: number; p95: number; max: number; target: number; note?: string }

/** Run a `minsheng` command on the bench database, echoing its output indented; its stdout is returned. */
function minsheng(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverBin, ...args], { cwd: repoRoot, env: { ...process.env, MINSHENG_SECRET: BENCH_SECRET, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const unregister = onCleanup(`stop minsheng ${args[0]}`, async () => { child.kill('SIGTERM'); });
    let out = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => { out += chunk; process.stdout.write(chunk.replace(/^(?=.)/gm, '    ')); });
    }
    child.on('exit', (code) => { unregister(); if (code === 0) resolve(out); else reject(new Error(`minsheng ${args.join(' ')} exited with ${code}`)); });
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function getJson(server: Server, token: string, path: string): Promise<unknown> {
  const res = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(120_000) });
  const body = await res.json().catch(() => null);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** Last complete month and the same month's local first day, e.g. 2026-11 and 2026-11-01. */
function lastMonth(now = new Date(Date.now() + 8 * 3_600_000)): { month: string; first: string } {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = d.toISOString().slice(0, 7);
  return { month, first: `${month}-01` };
}

function dashboardProbes(): { name: string; user: string; path: string }[] {
  const { first } = lastMonth();
  const probes = [
    ['看板 today (30-day trend)', '/api/reports/dashboard?days=30'],
    ['受理趋势 by day (30 days)', '/api/reports/volume-trend?bucket=day'],
    ['受理趋势 by month (3 years)', `/api/reports/volume-trend?bucket=month&from=${new Date(Date.now() - 3 * 365 * 86_400_000).toISOString().slice(0, 10)}`],
    ['类型与分类 (30 days)', '/api/reports/breakdown?days=30'],
    ['类型与分类 (1 year)', '/api/reports/breakdown?days=365'],
    ['街镇分布 (30 days)', '/api/reports/streets?days=30'],
    ['街镇分布 (1 year)', '/api/reports/streets?days=365'],
    ['指标 month by category', `/api/indicators?period=month&from=${first}&groupBy=category`],
    ['指标 month by area', `/api/indicators?period=month&from=${first}&groupBy=area`],
    ['指标 year by channel', `/api/indicators?period=year&from=${first.slice(0, 4)}-01-01&groupBy=channel`],
    ['指标 drill-down (page 1)', `/api/indicators/satisfaction/appeals?period=month&from=${first}&limit=50`],
    ['督办 board', '/api/supervision/board'],
  ];
  return [
    ...probes.map(([name, path]) => ({ name: `${name}`, user: 'leader', path: path! })),
    ...probes.slice(0, 7).map(([name, path]) => ({ name: `${name} · 街道`, user: 'gulou.leader', path: path! })),
  ];
}

async function measureEngine(engine: Engine, appeals: number): Promise<{ rows: Row[]; verified: string }> {
  // A given database or folder is used and kept (a big load is generated once); otherwise a fresh one, dropped after.
  const kept = engine === 'postgres' ? process.env.BENCH_DB_URL : process.env.BENCH_PGLITE_DIR;
  const given: Record<string, string> | null = kept ? { [engine === 'postgres' ? 'DATABASE_URL' : 'MINSHENG_DATA_DIR']: kept } : null;
  const store = given ? null : await freshStore(engine, engine === 'postgres' ? new PostgresAdmin(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') : null);
  const env = given ?? store!.env;
  try {
    console.log(`\n━━ ${engine}: ${appeals.toLocaleString('en')} appeals`);
    const generated = await timed(() => minsheng(['bench', 'generate', '--appeals', String(appeals), '--only-missing', ...(MONTHS ? ['--months', String(MONTHS)] : [])], env));
    console.log(`  data ready in ${(generated.ms / 1000).toFixed(0)} s`);
    if (REBUILD || !kept) {
      const rebuilt = await timed(() => minsheng(['analytics', 'rebuild'], env));
      console.log(`  rollups rebuilt in ${(rebuilt.ms / 1000).toFixed(0)} s`);
    }

    const server = await startServer(engine, env, `analytics-${engine}`);
    const rows: Row[] = [];
    try {
      const tokens = new Map<string, string>();
      const token = async (user: string) => tokens.get(user) ?? tokens.set(user, await loginAs(server, user)).get(user)!;
      for (const probe of dashboardProbes()) {
        const t = await token(probe.user);
        await getJson(server, t, probe.path); // warm: plans cached, pages read
        const times: number[] = [];
        for (let i = 0; i < REPEAT; i++) times.push((await timed(() => getJson(server, t, probe.path))).ms);
        times.sort((a, b) => a - b);
        rows.push({ name: probe.name, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1)!, target: 500 });
      }
      const { month, first } = lastMonth();
      const leader = await token('leader');
      const units = await timed(() => getJson(server, leader, `/api/indicators?period=month&from=${first}&groupBy=unit&includeSubunits=true`));
      const groups = (units.value as { groups?: unknown[] }).groups?.length ?? 0;
      rows.push({ name: `指标 ${month}, every unit (+ sub-units)`, p50: units.ms, p95: units.ms, max: units.ms, target: 2_000, note: `${groups} units` });
      const assessment = await timed(() => getJson(server, leader, `/api/assessment?month=${month}`));
      rows.push({ name: `考核 ${month} ranking`, p50: assessment.ms, p95: assessment.ms, max: assessment.ms, target: 2_000 });
      const report = await timed(async () => {
        const res = await fetch(`${server.baseUrl}/api/reports`, {
          method: 'POST', headers: { authorization: `Bearer ${leader}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'monthly', period: month }), signal: AbortSignal.timeout(600_000),
        });
        if (res.status !== 200 && res.status !== 201) throw new Error(`POST /api/reports: ${res.status} ${(await res.text()).slice(0, 300)}`);
      });
      rows.push({ name: `月报 ${month} generated`, p50: report.ms, p95: report.ms, max: report.ms, target: 30_000 });
    } finally {
      await server.stop();
    }
    const verified = await minsheng(['analytics', 'verify', '--sample', String(SAMPLE), '--month', lastMonth().month], env).catch((err: Error) => `${err.message}: mismatches (see above)`);
    return { rows, verified: verified.trim().split('\n').at(-1) ?? '' };
  } finally {
    if (kept) console.log(`  kept ${kept}`);
    await store?.dispose();
  }
}

function print(engine: Engine, appeals: number, rows: Row[], verified: string) {
  console.log(`\n${engine} — ${appeals.toLocaleString('en')} appeals`);
  console.log(`  ${'request'.padEnd(40)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'max ms'.padStart(9)} ${'target'.padStart(9)}`);
  for (const r of rows) {
    const ok = r.p95 < r.target ? '✔' : '✘';
    console.log(`  ${r.name.padEnd(40)} ${r.p50.toFixed(1).padStart(9)} ${r.p95.toFixed(1).padStart(9)} ${r.max.toFixed(1).padStart(9)} ${(`< ${r.target}`).padStart(9)} ${ok}${r.note ? `  ${r.note}` : ''}`);
  }
  console.log(`  rollups vs brute force: ${verified}`);
}

async function main() {
  const results: { engine: Engine; appeals: number; rows: Row[]; verified: string }[] = [];
  for (const engine of ENGINES) {
    if (engine !== 'postgres' && engine !== 'pglite') throw new Error(`BENCH_ENGINES: unknown engine ${engine}`);
    const appeals = engine === 'postgres' ? intEnv('BENCH_APPEALS', 10_000_000, 1_000, 50_000_000) : intEnv('BENCH_PGLITE_APPEALS', 100_000, 1_000, 1_000_000);
    results.push({ engine, appeals, ...(await measureEngine(engine, appeals)) });
  }
  for (const r of results) print(r.engine, r.appeals, r.rows, r.verified);
  if (results.some((r) => !/ 0 mismatches/.test(r.verified))) {
    console.error('\nthe rollups disagree with the brute-force recomputation (see above)');
    process.exitCode = 1;
  }
}

main().then(() => cleanupAll(), async (err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  await cleanupAll();
  process.exit(1);
});
