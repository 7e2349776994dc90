// `minsheng bench generate`: the copies are lifecycles the product really produces, in the past, indexes intact.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '@minsheng/db/testing';
import { generateAppeals, queryRows } from '@minsheng/db';
import type { Database } from '@minsheng/db';
import { loadConfig } from '../src/config';
import { createDeps } from '../src/compose';
import { seedDemo } from '../src/demo/seed-demo';
import { TEST_SECRET } from './harness';

const J = '370812';
const NOW = new Date('2026-11-23T09:00:00+08:00');

describe('bench generate: appeals copied from real lifecycles', () => {
  let database: Database;
  const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(database.db, q))[0]!;
  const secondaryIndexes = async () => (await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_indexes
    WHERE tablename IN ('appeals', 'appeal_events', 'appeal_clocks', 'appeal_clock_runs', 'appeal_assignments') AND indexname NOT LIKE '%_pk'`)).n;
  const generate = (appeals: number, extra: { deferIndexes?: boolean; seed?: number } = {}) => generateAppeals(database.db, {
    jurisdictionId: J, appeals, years: 3, seed: extra.seed ?? 1, batch: 700, now: NOW, deferIndexes: extra.deferIndexes ?? false, log: () => undefined,
  });
  let indexesBefore = 0;

  before(async () => {
    database = await createTestDatabase();
    const deps = await createDeps(loadConfig({ MINSHENG_SECRET: TEST_SECRET } as NodeJS.ProcessEnv), database, { now: () => NOW });
    await seedDemo(deps, { appeals: 150, compactAreas: true });
    indexesBefore = await secondaryIndexes();
    await generate(2_000);
  });
  after(async () => { await database.close(); });

  it('adds numbered appeals spread over the years, none in the future, old ones all finished', async () => {
    const r = await one<{ n: number; numbers: number; first: Date | string; last: Date | string; open_old: number; years: number }>(sql`
      SELECT count(*)::int AS n, count(DISTINCT number)::int AS numbers, min(created_at) AS first, max(created_at) AS last,
             count(*) FILTER (WHERE created_at < ${NOW}::timestamptz - interval '31 days' AND status NOT IN ('closed', 'rejected', 'referred', 'answered'))::int AS open_old,
             count(DISTINCT extract(year FROM created_at))::int AS years
        FROM appeals WHERE jurisdiction_id = ${J} AND number LIKE 'G%'`);
    assert.equal(r.n, 2_000);
    assert.equal(r.numbers, 2_000);
    assert.ok(new Date(r.first) >= new Date(NOW.getTime() - 3 * 365 * 86_400_000));
    assert.ok(new Date(r.last) <= NOW);
    assert.equal(r.open_old, 0, 'nothing older than a month is still open');
    assert.ok(r.years >= 3, 'spread over the calendar years of the span');
    const future = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM appeal_events e JOIN appeals a ON a.jurisdiction_id = e.jurisdiction_id AND a.id = e.appeal_id
      WHERE a.number LIKE 'G%' AND e.occurred_at > ${NOW}`);
    assert.equal(future.n, 0);
  });

  it('keeps each timeline whole: events from 1 in order, the lead unit the last dispatch named, clock runs stopping at their events', async () => {
    const gaps = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM (
      SELECT a.id, count(e.seq) AS events, max(e.seq) AS top, min(e.seq) AS low, a.last_event_seq,
             bool_and(e.seq = 1 OR e.occurred_at >= (SELECT p.occurred_at FROM appeal_events p WHERE p.jurisdiction_id = e.jurisdiction_id AND p.appeal_id = e.appeal_id AND p.seq = e.seq - 1)) AS ordered
        FROM appeals a JOIN appeal_events e ON e.jurisdiction_id = a.jurisdiction_id AND e.appeal_id = a.id
       WHERE a.jurisdiction_id = ${J} AND a.number LIKE 'G%' GROUP BY a.id, a.last_event_seq) t
      WHERE events <> top OR low <> 1 OR top <> last_event_seq OR NOT ordered`);
    assert.equal(gaps.n, 0);
    const lead = await one<{ n: number; checked: number }>(sql`
      SELECT count(*) FILTER (WHERE d.payload->>'leadUnitId' IS DISTINCT FROM a.lead_unit_id)::int AS n, count(*)::int AS checked
        FROM appeals a JOIN LATERAL (SELECT e.payload FROM appeal_events e WHERE e.jurisdiction_id = a.jurisdiction_id AND e.appeal_id = a.id
          AND e.action = 'dispatch' ORDER BY e.seq DESC LIMIT 1) d ON true
       WHERE a.jurisdiction_id = ${J} AND a.number LIKE 'G%' AND a.lead_unit_id IS NOT NULL`);
    assert.ok(lead.checked > 100);
    assert.equal(lead.n, 0);
    const runs = await one<{ n: number; stopped: number }>(sql`
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM appeal_events e WHERE e.jurisdiction_id = r.jurisdiction_id AND e.appeal_id = r.appeal_id
               AND e.occurred_at = r.stopped_at))::int AS n, count(*)::int AS stopped
        FROM appeal_clock_runs r JOIN appeals a ON a.jurisdiction_id = r.jurisdiction_id AND a.id = r.appeal_id
       WHERE a.number LIKE 'G%' AND r.stopped_at IS NOT NULL AND r.clock IN ('sign_for', 'handling')`);
    assert.ok(runs.stopped > 100);
    assert.equal(runs.n, 0, 'a stopped clock run stops at the instant of an event of its appeal');
  });

  it('varies what the indicators judge: some handling finished late, callbacks of every satisfaction', async () => {
    const late = await one<{ late: number; all: number }>(sql`
      SELECT count(*) FILTER (WHERE r.stopped_at > r.due_at)::int AS late, count(*)::int AS all FROM appeal_clock_runs r
        JOIN appeals a ON a.jurisdiction_id = r.jurisdiction_id AND a.id = r.appeal_id
       WHERE a.number LIKE 'G%' AND r.clock = 'handling' AND r.stopped_at IS NOT NULL`);
    assert.ok(late.late > 0 && late.late < late.all / 2, `${late.late} of ${late.all} late`);
    const levels = await one<{ n: number }>(sql`SELECT count(DISTINCT e.payload->>'satisfaction')::int AS n FROM appeal_events e
      JOIN appeals a ON a.jurisdiction_id = e.jurisdiction_id AND a.id = e.appeal_id WHERE a.number LIKE 'G%' AND e.action = 'callback'`);
    assert.equal(levels.n, 5);
  });

  it('leaves every index and trigger as it found them, also after a load in two runs', async () => {
    assert.equal(await secondaryIndexes(), indexesBefore);
    await generate(500, { deferIndexes: true, seed: 2 });
    assert.ok(await secondaryIndexes() < indexesBefore, 'deferred: the secondary indexes are still dropped');
    await generate(0);
    assert.equal(await secondaryIndexes(), indexesBefore);
    const off = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`);
    assert.equal(off.n, 0, 'every trigger is on again');
    const n = await one<{ n: number; numbers: number }>(sql`SELECT count(*)::int AS n, count(DISTINCT number)::int AS numbers FROM appeals WHERE number LIKE 'G%'`);
    assert.deepEqual(n, { n: 2_500, numbers: 2_500 });
    // With the triggers off, each copy takes its template's text-search pieces: searching by text finds copies too.
    const unsearchable = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM appeals a WHERE a.number LIKE 'G%'
      AND NOT EXISTS (SELECT 1 FROM appeal_search_grams s WHERE s.jurisdiction_id = a.jurisdiction_id AND s.appeal_id = a.id
        AND s.grams @> minsheng_search_grams(minsheng_appeal_search_text(a.title, a.content))
        AND s.grams <@ minsheng_search_grams(minsheng_appeal_search_text(a.title, a.content)))`);
    assert.equal(unsearchable.n, 0, 'every generated appeal has the pieces of its own text');
  });

  it('spreads a load over --months months instead of years: a big load\'s monthly density with fewer appeals', async () => {
    await generateAppeals(database.db, { jurisdictionId: J, appeals: 400, years: 3, months: 2, seed: 3, batch: 700, now: NOW, deferIndexes: false, log: () => undefined });
    const r = await one<{ n: number; first: Date | string; last: Date | string }>(sql`SELECT count(*)::int AS n, min(created_at) AS first, max(created_at) AS last
      FROM appeals WHERE jurisdiction_id = ${J} AND number > 'G000002500' AND number LIKE 'G%'`);
    assert.equal(r.n, 400);
    const spanStart = NOW.getTime() - (2 * 365 / 12) * 86_400_000;
    assert.ok(new Date(r.first).getTime() >= spanStart - 2 * 86_400_000, `first ${String(r.first)} within the two months`);
    assert.ok(new Date(r.first).getTime() < NOW.getTime() - 31 * 86_400_000, 'spread over both months');
    assert.ok(new Date(r.last) <= NOW);
  });
});
