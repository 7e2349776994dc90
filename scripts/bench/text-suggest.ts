// `npm run bench:suggest` — latency of the intake assistant (POST /api/text/suggest) on the demo jurisdiction.
//
// In one process: a fresh database (PGlite in memory; PostgreSQL too with BENCH_ENGINES=pglite,postgres), the demo
// seeded with BENCH_APPEALS appeals, the classifier trained from them exactly as the nightly job does (in a worker
// thread), then the real HTTP server on a loopback port. It measures, sequentially, after a warm-up:
//   classify        the warm classifier alone (predict on title + body), in process          → p50 / p99
//   suggest         POST /api/text/suggest as the demo agent, client-side, one at a time     → p50 / p99 / max
//                   (categories + routing proposal + duplicates; every third request with a caller phone)
//   classify (srv)  the classification part inside those requests (the response's timings)  → p50 / p99
//   duplicates      GET /api/appeals/:id/duplicates as the dispatcher                          → p50 / p99
//   hot topics      GET /api/text/hot-topics (last 30 days) as the leader                     → p50
// The probe texts are the demo templates with a greeting prepended and the last sentence dropped, so they are close
// to texts the model saw: the "seen-text" agreement printed with them is a sanity check, not an accuracy figure —
// the model's held-out figures are printed from training.
//
// Figures are printed, never asserted. Environment: BENCH_ENGINES=pglite[,postgres], BENCH_APPEALS=300,
// BENCH_REQUESTS=300, BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres (loopback only).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@minsheng/db';
import type { Database } from '@minsheng/db';
import { DEMO_APPEAL_TEMPLATES, DEMO_PASSWORD } from '@minsheng/db/demo';
import { loadConfig } from '../../apps/server/src/config';
import { createDeps } from '../../apps/server/src/compose';
import { buildApp } from '../../apps/server/src/http/app';
import { seedDemo } from '../../apps/server/src/demo/seed-demo';
import { classifierCache } from '../../apps/server/src/modules/text/classifier-cache';
import { retrainClassifier } from '../../apps/server/src/modules/text/use-cases/retrain-classifier';
import { cleanupAll } from './cleanup';
import { percentile } from './load';
import { PostgresAdmin } from './postgres';
import { intEnv } from './env';

const JID = '370812';

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : '—');
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? NaN };
}

/** A demo text, changed a little: a greeting in front, the last sentence gone. */
function probe(i: number) {
  const t = DEMO_APPEAL_TEMPLATES[i % DEMO_APPEAL_TEMPLATES.length]!;
  const sentences = t.content.split(/(?<=[。！？])/).filter(Boolean);
  const content = `您好，${(sentences.length > 1 ? sentences.slice(0, -1) : sentences).join('')}`;
  return { title: t.title, content, areaCode: t.streetCode, categoryKey: t.categoryKey };
}

async function openEngine(engine: string, admin: PostgresAdmin | null): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: async () => {} };
  }
  const db = await admin!.createDatabase();
  const database = await openDatabase({ url: db.url, poolSize: 10 });
  return { database, drop: async () => { await database.close(); await db.drop(); } };
}

async function bench(engine: string, admin: PostgresAdmin | null, appeals: number, requests: number): Promise<void> {
  console.log(`\n━━ ${engine}: demo with ${appeals} appeals`);
  const { database, drop } = await openEngine(engine, admin);
  try {
    await database.migrate();
    const config = loadConfig({ MINSHENG_SECRET: 'bench-secret-for-minsheng-0123456789', PORT: '0', LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv);
    const deps = await createDeps(config, database);
    let t = performance.now();
    await seedDemo(deps, { appeals, compactAreas: true });
    deps.defaultJurisdictionId = JID;
    // A freshly filled database has no planner statistics yet; production ones do (autovacuum), so gather them.
    await database.db.execute(sql`ANALYZE`);
    console.log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    const outcome = await retrainClassifier(deps, JID);
    if (!outcome.trained) throw new Error(`the demo did not train: ${outcome.reason}`);
    console.log(`  trained in ${((performance.now() - t) / 1000).toFixed(1)} s (thread ${outcome.seconds?.toFixed(1)} s): ${outcome.classes.length} classes from ${outcome.distinctAppeals} distinct of ${outcome.appeals} appeals; `
      + `held-out accuracy ${(outcome.accuracy! * 100).toFixed(1)} %, macro-F1 ${(outcome.macroF1! * 100).toFixed(1)} %`);

    const app = await buildApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      return ((await res.json()) as { token: string }).token;
    };
    const [agent, dispatcher, leader] = [await login('agent'), await login('dispatcher'), await login('leader')];
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const started = performance.now();
      const res = await fetch(base + path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      const json = await res.json() as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return { ms: performance.now() - started, json };
    };

    try {
      const { loaded } = await classifierCache(database).get(JID);
      const categoryKey = new Map<string, string>();
      const categories = (await call('GET', '/api/categories', agent)).json.items as { id: string; key: string }[];
      for (const c of categories) categoryKey.set(c.id, c.key);

      const classify: number[] = [];
      for (let i = 0; i < requests + 20; i++) {
        const p = probe(i);
        const started = performance.now();
        loaded!.classifier.predict(`${p.title}\n${p.content}`);
        if (i >= 20) classify.push(performance.now() - started);
      }

      const suggest: number[] = [];
      const inServer: number[] = [];
      let top1 = 0;
      let top3 = 0;
      let duplicatesFound = 0;
      for (let i = 0; i < requests + 20; i++) {
        const p = probe(i);
        const r = await call('POST', '/api/text/suggest', agent, { title: p.title, content: p.content, areaCode: p.areaCode, ...(i % 3 === 0 ? { phone: '13905370000' } : {}) });
        if (i < 20) continue;
        suggest.push(r.ms);
        inServer.push((r.json.timings as { classifyMs: number }).classifyMs);
        const suggested = (r.json.categories as { categoryId: string }[]).map((c) => categoryKey.get(c.categoryId) ?? '');
        // A class is a category or an ancestor of it (rolled up): the probe's category must be the class or below it.
        const hit = (k: string) => p.categoryKey === k || p.categoryKey.startsWith(`${k}.`);
        if (suggested[0] && hit(suggested[0])) top1++;
        if (suggested.some(hit)) top3++;
        if ((r.json.duplicates as unknown[]).length) duplicatesFound++;
      }

      const list = await call('GET', '/api/appeals?limit=100', dispatcher);
      const ids = (list.json.items as { id: string }[]).map((a) => a.id);
      const duplicates: number[] = [];
      for (const id of ids) duplicates.push((await call('GET', `/api/appeals/${id}/duplicates`, dispatcher)).ms);
      const topics: number[] = [];
      const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
      for (let i = 0; i < 6; i++) topics.push((await call('GET', `/api/text/hot-topics?from=${from}`, leader)).ms);

      const rows: [string, ReturnType<typeof stats>][] = [
        ['classify (in process)', stats(classify)], ['POST /api/text/suggest', stats(suggest)], ['  classify part (server)', stats(inServer)],
        ['GET …/duplicates', stats(duplicates)], ['GET /api/text/hot-topics (first = cold thread)', stats(topics)],
      ];
      console.log(`\n  ${'what'.padEnd(48)}${'n'.padStart(6)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'max'.padStart(11)}`);
      for (const [name, s] of rows) console.log(`  ${name.padEnd(48)}${String(s.n).padStart(6)}${ms(s.p50).padStart(11)}${ms(s.p99).padStart(11)}${ms(s.max).padStart(11)}`);
      console.log(`\n  seen-text agreement (not accuracy): top-1 ${(top1 / requests * 100).toFixed(1)} %, top-3 ${(top3 / requests * 100).toFixed(1)} %; `
        + `suggestions with duplicates: ${duplicatesFound} of ${requests}`);
    } finally {
      await app.close();
    }
  } finally {
    await drop();
  }
}

async function main(): Promise<number> {
  const engines = (process.env.BENCH_ENGINES ?? 'pglite').split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of engines) if (e !== 'pglite' && e !== 'postgres') throw new Error(`BENCH_ENGINES: unknown engine "${e}" (pglite, postgres)`);
  const appeals = intEnv('BENCH_APPEALS', 300, 50, 5000);
  const requests = intEnv('BENCH_REQUESTS', 300, 20, 5000);
  const admin = engines.includes('postgres') ? new PostgresAdmin(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') : null;
  for (const engine of engines) await bench(engine, admin, appeals, requests);
  return 0;
}

main().then(
  async (code) => { await cleanupAll(); process.exit(code); },
  async (err) => { console.error(err instanceof Error ? err.stack : err); await cleanupAll(); process.exit(1); },
);
