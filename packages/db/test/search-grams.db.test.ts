import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { newId, queryRows, schema } from '@minsheng/db';
import { createTestDatabase } from '@minsheng/db/testing';

/**
 * The text-search pieces (appeal_search_grams) are kept by triggers, not by the intake code: an appeal written any
 * other way — an import, the generator, a bulk INSERT … SELECT — is searchable too, and a changed or removed text
 * leaves no stale pieces behind (both engines).
 */
const JID = '999031';

describe('appeal_search_grams follows the appeals it indexes', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const appeal = (title: string, content: string) => ({
    jurisdictionId: JID, id: newId(), number: `CS${Math.random().toString().slice(2, 14)}`, queryCode: 'ABCDEF', track: 'hotline',
    channel: 'phone_12345', kind: 'complaint', urgency: 'normal', status: 'registered', title, content, ownerUnitId: 'u1',
  }) as typeof schema.appeals.$inferInsert;
  const gramsOf = async (id: string) => {
    const rows = await queryRows<{ grams: string[] }>(database.db, sql`SELECT grams FROM appeal_search_grams WHERE jurisdiction_id = ${JID} AND appeal_id = ${id}`);
    return rows[0] ? [...rows[0].grams].sort() : null;
  };
  /** The ids the index offers for a searched text (before the exact ILIKE check). */
  const candidates = async (text: string) => (await queryRows<{ appeal_id: string }>(database.db, sql`
    SELECT appeal_id FROM appeal_search_grams WHERE jurisdiction_id = ${JID} AND grams @> minsheng_search_grams(${text}::text)`)).map((r) => r.appeal_id);

  before(async () => {
    database = await createTestDatabase();
    await database.db.insert(schema.jurisdictions).values({ id: JID, name: '测试区', numberPrefix: 'CS' });
  });
  after(() => database.close());

  it('pieces are the distinct lower-cased character pairs of title and content', async () => {
    const [row] = await queryRows<{ g: string[] }>(database.db, sql`SELECT minsheng_search_grams('漏水ABab漏水') AS g`);
    assert.deepEqual([...row!.g].sort(), ['ab', 'ba', 'b漏', '水a', '漏水'].sort());
    const [empty] = await queryRows<{ g: string[]; one: string[] }>(database.db, sql`SELECT minsheng_search_grams('') AS g, minsheng_search_grams('水') AS one`);
    assert.deepEqual([empty!.g, empty!.one], [[], []]);
    const a = appeal('路灯', 'LAMP');
    await database.db.insert(schema.appeals).values(a);
    assert.deepEqual(await gramsOf(a.id), ['\nl', 'am', 'la', 'mp', '灯\n', '路灯'].sort());
  });

  it('a bulk insert of many appeals in one statement indexes every one of them', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => appeal(`第${i}号 小区停车难`, `车位不足，编号${i}`));
    await database.db.insert(schema.appeals).values(rows);
    const found = await candidates('停车难');
    assert.ok(rows.every((r) => found.includes(r.id)), 'all 30 from one INSERT');
    const copied = await queryRows<{ id: string }>(database.db, sql`
      INSERT INTO appeals (jurisdiction_id, id, number, query_code, track, channel, kind, urgency, status, title, content, owner_unit_id)
      SELECT jurisdiction_id, id || '-copy', number || 'C', query_code, track, channel, kind, urgency, status, title, '复制的' || content, owner_unit_id
      FROM appeals WHERE jurisdiction_id = ${JID} AND id = ANY(${sql.param(rows.slice(0, 5).map((r) => r.id))}::text[]) RETURNING id`);
    const again = await candidates('复制的车位');
    assert.deepEqual(again.sort(), copied.map((c) => c.id).sort(), 'INSERT … SELECT is indexed like any other insert');
  });

  it('an edited text replaces its pieces, an unrelated update keeps them, a removed appeal takes them along', async () => {
    const a = appeal('噪音扰民', '夜间施工');
    await database.db.insert(schema.appeals).values(a);
    await database.db.execute(sql`UPDATE appeals SET status = 'accepted' WHERE jurisdiction_id = ${JID} AND id = ${a.id}`);
    assert.ok((await candidates('夜间施工')).includes(a.id));
    await database.db.execute(sql`UPDATE appeals SET content = '白天装修' WHERE jurisdiction_id = ${JID} AND id = ${a.id}`);
    assert.ok(!(await candidates('夜间施工')).includes(a.id), 'the old text is gone from the index');
    assert.ok((await candidates('白天装修')).includes(a.id));
    await database.db.execute(sql`DELETE FROM appeals WHERE jurisdiction_id = ${JID} AND id = ${a.id}`);
    assert.equal(await gramsOf(a.id), null);
  });
});
