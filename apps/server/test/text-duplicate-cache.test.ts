import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { schema } from '@minsheng/db';
import type { Executor } from '@minsheng/db';
import { createSegmenter } from '@minsheng/text';
import { DuplicateFeaturesCache } from '../src/modules/text/duplicate-features-cache';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { register } from './text-fixtures';

/** The duplicate-features cache: prepared once, re-prepared when the text changes, bounded, one query for the misses. */
describe('duplicate features cache', () => {
  let s: TestServer;
  const ids: string[] = [];
  let queries = 0;
  let db: Executor;
  const segmenter = createSegmenter();
  const JID = '370812';

  before(async () => {
    s = await startTestServer();
    const agent = await s.login('agent');
    for (const n of [1, 2, 3]) ids.push(await register(s, agent, { title: `路灯不亮第${n}次反映13905379876`, content: `龙桥街道建设路的路灯已经${n}周不亮了，王秀英电话13905379876。` }));
    // Counts the statements the cache issues.
    const real = s.deps.database.db;
    db = new Proxy(real, { get: (t, k) => (k === 'execute' ? (q: unknown) => { queries++; return real.execute(q as never); } : Reflect.get(t, k)) }) as Executor;
  });
  after(() => s.close());

  const pool = async () => (await s.deps.database.db.select({ id: schema.appeals.id, title: schema.appeals.title, content: schema.appeals.content }).from(schema.appeals)
    .where(eq(schema.appeals.jurisdictionId, JID))).filter((r) => ids.includes(r.id))
    .map((r) => ({ id: r.id, text_size: Buffer.byteLength(r.title) + Buffer.byteLength(r.content) }));

  it('prepares each appeal once, reading all misses in one statement, and keeps shown titles free of personal data', async () => {
    const cache = new DuplicateFeaturesCache(10);
    queries = 0;
    const first = await cache.load(db, JID, await pool(), segmenter);
    assert.equal(queries, 1);
    assert.equal(first.size, 3);
    queries = 0;
    const shown = await cache.shown(db, JID, ids);
    assert.equal(queries, 1);
    assert.ok([...shown.values()].every((f) => f.personalData.includes('13905379876') && !f.title.includes('13905379876')));
    queries = 0;
    assert.deepEqual(await cache.shown(db, JID, ids), shown);
    assert.equal(queries, 0, 'what was shown once is kept');
    queries = 0;
    const again = await cache.load(db, JID, await pool(), segmenter);
    assert.equal(queries, 0, 'a warm pool needs no statement');
    assert.equal(again.get(ids[0]!), first.get(ids[0]!));
  });

  it('prepares again an appeal whose text changed, and evicts the least recently used beyond its bound', async () => {
    const cache = new DuplicateFeaturesCache(2);
    await cache.load(db, JID, (await pool()).slice(0, 2), segmenter);
    await cache.load(db, JID, (await pool()).slice(0, 1), segmenter);
    await cache.load(db, JID, (await pool()).slice(2), segmenter);
    assert.ok(cache.size <= 2);
    queries = 0;
    await cache.load(db, JID, (await pool()).slice(2), segmenter);
    assert.equal(queries, 0, 'the most recently used survived');
    await cache.load(db, JID, (await pool()).slice(1, 2), segmenter);
    assert.equal(queries, 1, 'the least recently used was evicted');
    queries = 0;
    const before = (await cache.shown(db, JID, ids.slice(0, 1))).get(ids[0]!)!.personalData;
    queries = 0;
    await s.deps.database.db.update(schema.appeals).set({ content: '龙桥街道建设路的路灯修好了又坏了。' }).where(and(eq(schema.appeals.jurisdictionId, JID), eq(schema.appeals.id, ids[0]!)));
    await cache.load(db, JID, (await pool()).slice(0, 1), segmenter);
    assert.equal(queries, 1);
    const after = (await cache.shown(db, JID, ids.slice(0, 1))).get(ids[0]!)!.personalData;
    assert.equal(queries, 2, 'a changed text is shown from the new text');
    assert.deepEqual([before.length > after.length, after], [true, ['13905379876']]);
  });
});
