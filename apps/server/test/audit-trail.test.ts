import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { eventHash } from '@minsheng/domain';
import { appealEventsOf, findAppeal, schema } from '@minsheng/db';
import { testEngine } from '@minsheng/db/testing';
import { intakeBody, startTestServer, TEST_SECRET } from './harness';
import type { TestServer } from './harness';
import { verifyAuditTrail } from '../src/modules/appeals/use-cases/verify-audit-trail';

/**
 * DOMAIN.md §8: the audit trail is tamper-evident. A few appeals walk through the lifecycle; then events are edited,
 * deleted and forged behind the trigger's back (as the database owner could) and the verifier must say where.
 */
const JID = '370812';

type StoredEvent = typeof schema.appealEvents.$inferSelect;
/** What a forger with the code would compute: the hash over exactly the hashed fields. */
const hashOf = (e: StoredEvent) => eventHash({
  jurisdictionId: e.jurisdictionId, appealId: e.appealId, seq: e.seq, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus,
  actorUserId: e.actorUserId, actorRole: e.actorRole, actorUnitId: e.actorUnitId, reason: e.reason, payload: e.payload, visibility: e.visibility, occurredAt: e.occurredAt, prevHash: e.prevHash,
});

describe('tamper-evident audit trail', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<'full' | 'rejected' | 'noted' | 'fresh', string> = { full: '', rejected: '', noted: '', fresh: '' };
  let db: TestServer['deps']['database']['db'];

  async function act(user: string, id: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
  }
  async function register(title: string) {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ title }) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  /** Run statements with the append-only trigger off, as only the database owner can; it is back on afterwards. */
  async function behindTheTrigger(...statements: SQL[]) {
    await db.execute(sql`ALTER TABLE appeal_events DISABLE TRIGGER appeal_events_append_only`);
    try { for (const st of statements) await db.execute(st); } finally { await db.execute(sql`ALTER TABLE appeal_events ENABLE TRIGGER appeal_events_append_only`); }
  }
  const eventOf = async (id: string, seq: number) => (await appealEventsOf(db, JID, id)).find((e) => e.seq === seq)!;
  const where = (id: string, seq: number) => sql`jurisdiction_id = ${JID} AND appeal_id = ${id} AND seq = ${seq}`;
  const verify = (pageSize?: number) => verifyAuditTrail(s.deps, JID, pageSize);
  async function assertIntact() {
    const audit = await verify();
    assert.deepEqual(audit.broken, []);
    assert.deepEqual([audit.appeals, audit.events], [4, 18]);
  }
  async function assertBroken(id: string, seq: number, reason: string) {
    const audit = await verify();
    const appeal = await findAppeal(db, JID, id);
    assert.deepEqual(audit.broken, [{ appealId: id, number: appeal!.number, seq, reason }]);
  }

  before(async () => {
    s = await startTestServer();
    db = s.deps.database.db;
    for (const u of ['agent', 'dispatcher', 'supervisor', 'zhujian.handler', 'zhujian.leader', 'callback']) tokens[u] = await s.login(u);
    ids.full = await register('完整流程');
    await act('agent', ids.full, { action: 'accept' });
    await act('dispatcher', ids.full, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await act('zhujian.handler', ids.full, { action: 'sign' });
    await act('zhujian.handler', ids.full, { action: 'record_contact' });
    await act('zhujian.handler', ids.full, { action: 'reply', reply: { text: '已责令施工单位夜间停止作业。', result: 'solved' } });
    await act('zhujian.leader', ids.full, { action: 'approve_reply' });
    await act('callback', ids.full, { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true });
    await act('callback', ids.full, { action: 'close' }); // 9 events
    ids.rejected = await register('不予受理');
    await act('agent', ids.rejected, { action: 'accept' });
    await act('dispatcher', ids.rejected, { action: 'reject', reason: '属于诉讼途径' }); // 3 events
    ids.noted = await register('办理中');
    await act('agent', ids.noted, { action: 'accept' });
    await act('dispatcher', ids.noted, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await act('zhujian.handler', ids.noted, { action: 'sign' });
    await act('zhujian.handler', ids.noted, { action: 'note', reason: '已电话联系物业' }); // 5 events
    ids.fresh = await register('刚登记'); // 1 event
  });
  after(() => s.close());

  it('after several transitions every chain verifies and every event is counted', async () => {
    await assertIntact();
    for (const pageSize of [1, 2, 3]) assert.deepEqual(await verify(pageSize), await verify(), `page size ${pageSize}`);
  });

  it('the trigger still refuses a plain UPDATE', async () => {
    await assert.rejects(db.execute(sql`UPDATE appeal_events SET reason = 'x' WHERE ${where(ids.full, 3)}`));
  });

  for (const [column, value] of [
    ['reason', sql`'改写的理由'`], ['payload', sql`payload || '{"leadUnitId":"someone-else"}'::jsonb`], ['occurred_at', sql`occurred_at - interval '1 hour'`],
    ['actor_user_id', sql`'intruder'`], ['to_status', sql`'closed'`], ['visibility', sql`'internal'`],
  ] as const) {
    it(`an edited ${column} is reported as hash_mismatch at that event of that appeal only`, async () => {
      const original = await eventOf(ids.full, 3);
      await behindTheTrigger(sql`UPDATE appeal_events SET ${sql.raw(column)} = ${value} WHERE ${where(ids.full, 3)}`);
      assert.notDeepEqual(await eventOf(ids.full, 3), original, 'the tamper took effect');
      await assertBroken(ids.full, 3, 'hash_mismatch');
      // Putting the original values back makes the chain verify again.
      await behindTheTrigger(sql`UPDATE appeal_events SET reason = ${original.reason}, payload = ${JSON.stringify(original.payload)}::jsonb,
        occurred_at = ${original.occurredAt}, actor_user_id = ${original.actorUserId}, to_status = ${original.toStatus}, visibility = ${original.visibility}
        WHERE ${where(ids.full, 3)}`);
      await assertIntact();
    });
  }

  it('an edit whose own hash was recomputed breaks the link to the next event (prev_hash_mismatch)', async () => {
    const original = await eventOf(ids.full, 5);
    const forgedHash = hashOf({ ...original, reason: '已解决（伪造）' });
    assert.equal(hashOf(original), original.hash, 'the forger computes hashes like the system');
    await behindTheTrigger(sql`UPDATE appeal_events SET reason = '已解决（伪造）', hash = ${forgedHash} WHERE ${where(ids.full, 5)}`);
    await assertBroken(ids.full, 6, 'prev_hash_mismatch');
    await behindTheTrigger(sql`UPDATE appeal_events SET reason = ${original.reason}, hash = ${original.hash} WHERE ${where(ids.full, 5)}`);
    await assertIntact();
  });

  it('deleting the last event is reported as head_mismatch', async () => {
    const last = await eventOf(ids.full, 9);
    await behindTheTrigger(sql`DELETE FROM appeal_events WHERE ${where(ids.full, 9)}`);
    await assertBroken(ids.full, 8, 'head_mismatch');
    await db.insert(schema.appealEvents).values(last); // INSERT is allowed: the trail grows back to what it was
    await assertIntact();
  });

  it('deleting the only event of an appeal is reported as head_mismatch at seq 0', async () => {
    const only = await eventOf(ids.fresh, 1);
    await behindTheTrigger(sql`DELETE FROM appeal_events WHERE ${where(ids.fresh, 1)}`);
    await assertBroken(ids.fresh, 0, 'head_mismatch');
    await db.insert(schema.appealEvents).values(only);
    await assertIntact();
  });

  it('deleting an event in the middle is reported as seq_gap', async () => {
    const middle = await eventOf(ids.rejected, 2);
    await behindTheTrigger(sql`DELETE FROM appeal_events WHERE ${where(ids.rejected, 2)}`);
    await assertBroken(ids.rejected, 3, 'seq_gap');
    await db.insert(schema.appealEvents).values(middle);
    await assertIntact();
  });

  it('a well-chained forged event appended without moving the appeal head is reported as head_mismatch', async () => {
    const last = await eventOf(ids.noted, 5);
    const forged = { ...last, seq: 6, action: 'note', fromStatus: 'handling', toStatus: 'handling', reason: '伪造的备注', prevHash: last.hash, occurredAt: new Date(last.occurredAt.getTime() + 60_000) };
    await db.insert(schema.appealEvents).values({ ...forged, hash: hashOf(forged) });
    await assertBroken(ids.noted, 6, 'head_mismatch');
    await behindTheTrigger(sql`DELETE FROM appeal_events WHERE ${where(ids.noted, 6)}`);
    await assertIntact();
  });

  it('a rewritten appeal head is reported as head_mismatch', async () => {
    const appeal = await findAppeal(db, JID, ids.rejected);
    await db.execute(sql`UPDATE appeals SET last_event_hash = ${'0'.repeat(64)} WHERE jurisdiction_id = ${JID} AND id = ${ids.rejected}`);
    await assertBroken(ids.rejected, 3, 'head_mismatch');
    await db.execute(sql`UPDATE appeals SET last_event_hash = ${appeal!.lastEventHash} WHERE jurisdiction_id = ${JID} AND id = ${ids.rejected}`);
    await assertIntact();
  });

  it('several tampered appeals are each reported once, whatever the page size', async () => {
    const [a, b] = [await eventOf(ids.full, 2), await eventOf(ids.noted, 4)];
    await behindTheTrigger(sql`UPDATE appeal_events SET reason = 'x' WHERE ${where(ids.full, 2)}`, sql`UPDATE appeal_events SET reason = 'y' WHERE ${where(ids.noted, 4)}`);
    for (const pageSize of [1, 2, 500]) {
      const audit = await verify(pageSize);
      assert.equal(audit.events, 18);
      assert.deepEqual(audit.broken.map((x) => [x.appealId, x.seq, x.reason]).sort(), [[ids.full, 2, 'hash_mismatch'], [ids.noted, 4, 'hash_mismatch']].sort(), `page size ${pageSize}`);
    }
    await behindTheTrigger(sql`UPDATE appeal_events SET reason = ${a.reason} WHERE ${where(ids.full, 2)}`, sql`UPDATE appeal_events SET reason = ${b.reason} WHERE ${where(ids.noted, 4)}`);
    await assertIntact();
  });

  it('`minsheng audit verify` exits 0 on an intact trail and 1 naming the broken appeal', { skip: testEngine() === 'pglite' && 'the PGlite test database lives in this process only' }, async () => {
    const url = (s.deps.database as unknown as { url?: string }).url!;
    const bin = fileURLToPath(new URL('../bin/minsheng.mjs', import.meta.url));
    const run = () => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, 'audit', 'verify', '--jurisdiction', JID], { env: { ...process.env, DATABASE_URL: url, MINSHENG_SECRET: TEST_SECRET } },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
    });
    const intact = await run();
    assert.equal(intact.code, 0, intact.stderr);
    assert.match(intact.stdout, /checked 4 appeals, 18 events/);
    const original = await eventOf(ids.rejected, 3);
    await behindTheTrigger(sql`UPDATE appeal_events SET reason = '可以受理' WHERE ${where(ids.rejected, 3)}`);
    try {
      const broken = await run();
      const { number } = (await findAppeal(db, JID, ids.rejected))!;
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, new RegExp(`BROKEN ${number} \\(${ids.rejected}\\) at event 3: hash_mismatch`));
    } finally {
      await behindTheTrigger(sql`UPDATE appeal_events SET reason = ${original.reason} WHERE ${where(ids.rejected, 3)}`);
    }
    await assertIntact();
  });
});
