import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/**
 * DOMAIN.md §2 并单 (国办函〔2025〕66号): duplicates attach to a master; the master's reply and state reach every merged
 * appeal and every citizen is called back; a merge can be undone until the master is replied.
 */
describe('merge (并单) over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'callback', 'zhujian.handler', 'zhujian.leader', 'supervisor']) tokens[u] = await s.login(u);
  });
  after(() => s.close());

  async function act(user: string, appealId: string, body: Record<string, unknown>, expectStatus = 200) {
    const res = await s.api('POST', `/api/appeals/${appealId}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, expectStatus, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const get = async (id: string, user = 'dispatcher') => (await s.api('GET', `/api/appeals/${id}`, { token: tokens[user] })).body;
  async function register(phone: string, extra: Record<string, unknown> = {}) {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ citizen: { name: '市民', phone }, ...extra }) });
    assert.equal(res.status, 201);
    await act('agent', res.body.id, { action: 'accept' });
    return res.body.id as string;
  }

  let master = '', a = '', b = '', c = '';
  it('§2 duplicates from three callers attach to one master; one of them is detached again before the reply', async () => {
    master = await register('13905370010');
    a = await register('13905370011');
    b = await register('13905370012');
    c = await register('13905370013');
    for (const id of [a, b, c]) assert.equal((await act('dispatcher', id, { action: 'merge', masterId: master })).status, 'merged');
    await act('dispatcher', master, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    const undone = await act('dispatcher', c, { action: 'unmerge', reason: '经核实不是同一事项' });
    assert.equal(undone.status, 'accepted');
    assert.equal(undone.masterId, null);
  });

  it('§2 a merge into an appeal of another track, into itself, or into a merged appeal is refused', async () => {
    const petition = (await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ track: 'petition', channel: 'letter' }) })).body.id;
    const res = await s.api('POST', `/api/appeals/${c}/transitions`, { token: tokens.dispatcher, body: { action: 'merge', masterId: petition } });
    assert.equal(res.status, 422);
    assert.equal((await s.api('POST', `/api/appeals/${c}/transitions`, { token: tokens.dispatcher, body: { action: 'merge', masterId: c } })).status, 422);
    assert.equal((await s.api('POST', `/api/appeals/${c}/transitions`, { token: tokens.dispatcher, body: { action: 'merge', masterId: a } })).status, 422);
  });

  it('§2 the master\'s approved reply reaches every merged appeal, each with its own callback clock and SMS to its citizen', async () => {
    await act('zhujian.handler', master, { action: 'sign' });
    await act('zhujian.handler', master, { action: 'reply', reply: { text: '已责令施工单位停止夜间施工。', result: 'solved' } });
    await act('zhujian.leader', master, { action: 'approve_reply' });
    for (const id of [a, b]) {
      const f = await get(id);
      assert.equal(f.status, 'callback', 'the follower is waiting for its own callback');
      assert.equal(f.reply.text, '已责令施工单位停止夜间施工。');
      assert.ok(f.deadlines.find((d: { clock: string; running: boolean }) => d.clock === 'callback' && d.running));
      const events = (await s.api('GET', `/api/appeals/${id}/events`, { token: tokens.dispatcher })).body.items;
      assert.equal(events.at(-1).action, 'follow_master');
      assert.equal(events.at(-1).actorUserId, 'system');
    }
    assert.equal((await get(c)).status, 'accepted', 'the detached appeal is not touched');
    const sms = await queryRows<{ appeal_id: string }>(s.deps.database.db, sql`SELECT appeal_id FROM notifications WHERE template = 'appeal_replied' ORDER BY appeal_id`);
    assert.deepEqual(sms.map((r) => r.appeal_id).sort(), [master, a, b].sort(), 'every citizen of the group hears of the reply');
  });

  it('§2 once the master is replied, the merge cannot be undone (MASTER_REPLIED)', async () => {
    const merged = await register('13905370014');
    const master2 = await register('13905370015');
    await act('dispatcher', merged, { action: 'merge', masterId: master2 });
    await act('dispatcher', master2, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await act('zhujian.handler', master2, { action: 'sign' });
    await act('zhujian.handler', master2, { action: 'reply', reply: { text: '已处理。', result: 'solved' } });
    const res = await s.api('POST', `/api/appeals/${merged}/transitions`, { token: tokens.dispatcher, body: { action: 'unmerge', reason: '撤销' } });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'MASTER_REPLIED');
  });

  it('§6 every citizen of the group is called back on their own; a dissatisfied follower is redone by the master\'s unit', async () => {
    await act('callback', a, { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true });
    assert.equal((await act('callback', a, { action: 'close' })).status, 'closed');
    await act('callback', b, { action: 'callback', satisfaction: 'dissatisfied', contacted: true, solved: false, comment: '晚上仍有噪音' });
    const redone = await act('callback', b, { action: 'redo', reason: '市民反映问题仍存在' });
    assert.equal(redone.status, 'handling');
    assert.equal(redone.leadUnitId, s.unit('dept-zhujian'));
    const seen = await get(b, 'zhujian.handler');
    assert.ok(seen.actions.includes('reply'), 'the master\'s unit handles the redo');
    assert.equal((await get(master)).status, 'callback', 'the master keeps its own course');
  });
});
