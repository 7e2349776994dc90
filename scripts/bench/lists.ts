// `npm run bench:lists`: the console's lists and boards with 100,000+ appeals on PostgreSQL (issue 4's quality bar).
// The server runs as a child process on a throw-away database; the demo jurisdiction is created by it, then
// BENCH_APPEALS appeals (default 100,000) are added in bulk by SQL — spread over a year, every status, the demo's
// units, categories and areas, with running clocks (some overdue, some yellow) and assignments — and ANALYZEd. Each
// list or board the console asks for is then requested BENCH_REPEAT times (default 30) over real HTTP, one at a time,
// as the role that uses it; the script prints p50/p95/max per request and the rows returned. Figures are printed,
// never asserted.
//   BENCH_APPEALS=100000  BENCH_REPEAT=30  BENCH_ONLY=看板,board  BENCH_KEEP=1 (keep the database and print its URL)
//   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { cleanupAll } from './cleanup';
import { intEnv } from './env';
import { percentile } from './load';
import { PostgresAdmin } from './postgres';
import { startServer } from './server';

const APPEALS = intEnv('BENCH_APPEALS', 100_000, 1_000, 5_000_000);
const REPEAT = intEnv('BENCH_REPEAT', 30, 3, 1_000);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** BENCH_ONLY=dashboard,board: time only the probes whose names contain one of these words. */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((w) => w.trim()).filter(Boolean);

/** Bulk appeals in SQL: statuses in realistic shares, open ones with a running handling clock and a lead unit. */
const FILL = `
WITH ref AS (
  SELECT (SELECT array_agg(id ORDER BY id) FROM units WHERE jurisdiction_id = $1 AND kind <> 'hotline_centre') AS units,
         (SELECT id FROM units WHERE jurisdiction_id = $1 AND kind = 'hotline_centre' LIMIT 1) AS centre,
         (SELECT array_agg(id ORDER BY id) FROM categories WHERE jurisdiction_id = $1 AND level = 3) AS cats,
         (SELECT array_agg(code ORDER BY code) FROM areas WHERE jurisdiction_id = $1 AND level IN ('street', 'community')) AS areas
), g AS (
  SELECT i, ref.*, random() AS r, now() - (random() * interval '365 days') AS at FROM generate_series(1, $2::int) i, ref
)
INSERT INTO appeals (jurisdiction_id, id, number, query_code, track, channel, kind, urgency, status, title, content,
  category_id, area_code, owner_unit_id, lead_unit_id, version, last_event_seq, created_at, updated_at)
SELECT $1, gen_random_uuid()::text, 'BN' || lpad(i::text, 9, '0'), substr(md5(i::text), 1, 6), 'hotline',
  (ARRAY['phone_12345','web','mayor_mailbox','app','message_board'])[1 + (i % 5)],
  (ARRAY['complaint','consultation','help','suggestion','report'])[1 + (i % 5)], 'normal',
  CASE WHEN r < 0.70 THEN 'closed' WHEN r < 0.74 THEN 'registered' WHEN r < 0.77 THEN 'accepted' WHEN r < 0.82 THEN 'dispatched'
       WHEN r < 0.92 THEN 'handling' WHEN r < 0.95 THEN 'reply_review' ELSE 'callback' END,
  (ARRAY['小区夜间施工噪音扰民','路灯不亮影响出行','楼顶漏水无人维修','垃圾清运不及时','占道经营影响通行','供暖温度不达标'])[1 + (i % 6)] || ' #' || i,
  '群众反映：' || (ARRAY['施工单位夜间作业','路灯损坏两周','雨天渗漏','垃圾堆放','摊贩占道','室温不足十八度'])[1 + (i % 6)] || '，请有关部门尽快处理。编号' || i,
  cats[1 + (i % array_length(cats, 1))], areas[1 + (i % array_length(areas, 1))], centre,
  CASE WHEN r >= 0.77 OR r < 0.70 THEN units[1 + (i % array_length(units, 1))] END, 1, 1, at, at
FROM g`;

const CLOCKS = `
INSERT INTO appeal_clocks (jurisdiction_id, appeal_id, clock, amount, unit, started_at, due_at, yellow_notified_at)
SELECT a.jurisdiction_id, a.id, 'handling', '15', 'working_days', a.created_at,
  now() + ((random() * 30) - 8) * interval '1 day',
  CASE WHEN random() < 0.2 THEN now() END
FROM appeals a WHERE a.jurisdiction_id = $1 AND a.status IN ('dispatched','handling','reply_review','callback') AND a.number LIKE 'BN%'`;

const ASSIGNMENTS = `
INSERT INTO appeal_assignments (jurisdiction_id, appeal_id, unit_id, role, active, assigned_at)
SELECT a.jurisdiction_id, a.id, a.lead_unit_id, 'lead', a.status <> 'closed', a.created_at
FROM appeals a WHERE a.jurisdiction_id = $1 AND a.lead_unit_id IS NOT NULL AND a.number LIKE 'BN%'`;

interface Probe { name: string; user: string; path: (ctx: Ctx) => string }
interface Ctx { units: Record<string, string>; month: string }

const PROBES: Probe[] = [
  { name: '查询 (newest 20)', user: 'leader', path: () => '/api/appeals?limit=20' },
  { name: '查询 page 50 (cursor walk)', user: 'leader', path: () => '/api/appeals?limit=20' },
  { name: '派单 new', user: 'dispatcher', path: () => '/api/appeals?status=registered,accepted&limit=50' },
  { name: '承办 to sign (住建局)', user: 'zhujian.handler', path: (c) => `/api/appeals?status=dispatched&unitId=${c.units['dept-zhujian']}&limit=50` },
  { name: '承办 in progress (住建局)', user: 'zhujian.handler', path: (c) => `/api/appeals?status=handling,reply_review&unitId=${c.units['dept-zhujian']}&limit=50` },
  { name: '督办 red (overdue)', user: 'supervisor', path: () => '/api/appeals?status=dispatched,handling,reply_review,callback&overdue=true&limit=100' },
  { name: '督办 yellow (dueSoon)', user: 'supervisor', path: () => '/api/appeals?status=dispatched,handling,reply_review,callback&dueSoon=true&limit=100' },
  { name: '督办 problem', user: 'supervisor', path: () => '/api/appeals?status=dispatched,handling,reply_review,callback&problem=true&limit=100' },
  { name: '督办 board (counts by unit)', user: 'supervisor', path: () => '/api/supervision/board' },
  { name: '查询 text "漏水"', user: 'leader', path: () => `/api/appeals?text=${encodeURIComponent('漏水')}&limit=20` },
  { name: '查询 category + area', user: 'leader', path: () => '/api/appeals?areaCode=370812001&kind=complaint&limit=20' },
  { name: '数据看板 (30 days)', user: 'leader', path: () => '/api/reports/dashboard?days=30' },
  { name: '考核指标 month by unit', user: 'leader', path: (c) => `/api/indicators?period=month&from=${c.month}-01&groupBy=unit` },
];

async function login(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'minsheng-demo-2026' }) });
  const body = await res.json() as { token?: string };
  if (!body.token) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

async function main() {
  const admin = new PostgresAdmin(PG_URL);
  console.log(`bench:lists — ${APPEALS.toLocaleString('en')} appeals on PostgreSQL ${await admin.version()}, ${REPEAT} requests per list`);
  const db = await admin.createDatabase();
  const server = await startServer('postgres', { DATABASE_URL: db.url }, 'lists');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const jid = (await client.query<{ id: string }>('SELECT id FROM jurisdictions LIMIT 1')).rows[0]!.id;
    let t = performance.now();
    await client.query(FILL, [jid, APPEALS]);
    await client.query(CLOCKS, [jid]);
    await client.query(ASSIGNMENTS, [jid]);
    await client.query('ANALYZE');
    const total = (await client.query<{ n: string }>('SELECT count(*) AS n FROM appeals')).rows[0]!.n;
    console.log(`  filled ${Number(total).toLocaleString('en')} appeals (+ clocks, assignments) and analysed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const units = Object.fromEntries((await client.query<{ key: string; id: string }>('SELECT key, id FROM units WHERE jurisdiction_id = $1', [jid])).rows.map((r) => [r.key, r.id]));
    const now = new Date(Date.now() + 8 * 3_600_000);
    const ctx: Ctx = { units, month: now.toISOString().slice(0, 7) };
    const tokens = new Map<string, string>();

    console.log(`\n  ${'request'.padEnd(30)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'rows'.padStart(6)}`);
    for (const probe of PROBES.filter((p) => !ONLY.length || ONLY.some((w) => p.name.includes(w)))) {
      const token = tokens.get(probe.user) ?? await login(server.baseUrl, probe.user);
      tokens.set(probe.user, token);
      let path = probe.path(ctx);
      if (probe.name.includes('cursor walk')) {
        // Walk 49 pages with the cursor first: the 50th page is then timed.
        for (let page = 0; page < 49; page++) {
          const body = await (await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as { nextCursor: string | null };
          if (!body.nextCursor) break;
          path = `/api/appeals?limit=20&cursor=${encodeURIComponent(body.nextCursor)}`;
        }
      }
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < REPEAT; i++) {
        t = performance.now();
        const res = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
        const body = await res.json() as { items?: unknown[]; units?: unknown[]; groups?: unknown[] };
        times.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`${probe.name}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        rows = (body.items ?? body.units ?? body.groups ?? []).length;
      }
      times.sort((a, b) => a - b);
      console.log(`  ${probe.name.padEnd(30)} ${percentile(times, 0.5).toFixed(1).padStart(8)} ${percentile(times, 0.95).toFixed(1).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)} ${String(rows).padStart(6)}`);
    }
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
    if (process.env.BENCH_KEEP === '1') { db.keep(); console.log(`  kept database: ${db.url} (drop it with DROP DATABASE ${db.name})`); }
    else await db.drop();
  }
}

main().then(() => cleanupAll(), async (err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  await cleanupAll();
  process.exit(1);
});
