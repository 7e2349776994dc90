import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sweepDeadlines } from '../src/jobs/deadline-sweep';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

const JID = '370812';
const local = (time: string, day = '2026-11-23') => new Date(`${day}T${time}:00+08:00`); // a Monday

/**
 * The work queues' filters are the server's, so an appeal on a later page is never missed: 黄灯 (dueSoon), a pending
 * extension request and 疑难工单 (problem, with escalated ones), combined with status and unit like any other filter.
 */
describe('list filters for the work queues', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<'yellow' | 'extension' | 'escalated' | 'plain', string> = { yellow: '', extension: '', escalated: '', plain: '' };

  async function act(user: string, id: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function dispatched(leadUnit = 'dept-zhujian'): Promise<string> {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await act('agent', res.body.id, { action: 'accept' });
    await act('dispatcher', res.body.id, { action: 'dispatch', leadUnitId: s.unit(leadUnit) });
    return res.body.id;
  }
  const list = async (query: string, user = 'supervisor') => {
    const res = await s.api('GET', `/api/appeals?${query}`, { token: tokens[user] });
    assert.equal(res.status, 200, `${query}: ${JSON.stringify(res.body)}`);
    return (res.body.items as { id: string; pending: { days: number } | null }[]);
  };
  const idsOf = async (query: string, user?: string) => (await list(query, user)).map((a) => a.id).sort();

  before(async () => {
    s = await startTestServer({ now: local('09:00') });
    for (const u of ['agent', 'dispatcher', 'supervisor', 'zhujian.handler', 'zhujian.leader', 'weiyuan.handler']) tokens[u] = await s.login(u);
    ids.yellow = await dispatched(); // sign-for: 2 working hours, due 11:00
    s.clock.now = local('10:30');
    ids.extension = await dispatched();
    await act('zhujian.handler', ids.extension, { action: 'sign' });
    await act('zhujian.handler', ids.extension, { action: 'request_extension', days: 5, reason: '需协调多个部门现场会商' });
    ids.escalated = await dispatched('station-370812001002');
    await act('weiyuan.handler', ids.escalated, { action: 'sign' });
    await act('dispatcher', ids.escalated, { action: 'escalate', reason: '社区无力解决，提级街道协调', leadUnitId: s.unit('street-370812001') });
    ids.plain = await dispatched();
    s.clock.now = local('10:40'); // the first appeal's sign-for is 83 % used; the others have just started
    await sweepDeadlines(s.deps, JID);
  });
  after(() => s.close());

  it('dueSoon lists exactly the appeals the sweep turned yellow and not yet due', async () => {
    assert.deepEqual(await idsOf('dueSoon=true'), [ids.yellow]);
    s.clock.now = local('11:05');
    assert.deepEqual(await idsOf('dueSoon=true'), [], 'once due it is red, not yellow');
    assert.ok((await idsOf('overdue=true')).includes(ids.yellow));
    s.clock.now = local('10:40');
  });

  it('pending=extension lists the extension requests, with their days on the summary', async () => {
    const items = await list('status=handling&pending=extension', 'zhujian.leader');
    assert.deepEqual(items.map((a) => a.id), [ids.extension]);
    assert.equal(items[0]!.pending!.days, 5);
    assert.equal((await list(`status=handling`, 'zhujian.leader')).find((a) => a.id !== ids.extension)?.pending ?? null, null);
  });

  it('problem=true lists 疑难工单 and escalated appeals; it combines with the unit filter and the scope', async () => {
    assert.deepEqual(await idsOf('problem=true'), [ids.escalated]);
    assert.deepEqual(await idsOf(`problem=true&unitId=${s.unit('street-370812001')}`), [ids.escalated]);
    assert.deepEqual(await idsOf(`problem=true&unitId=${s.unit('dept-zhujian')}`), []);
    assert.deepEqual(await idsOf('problem=true', 'zhujian.handler'), [], 'a unit outside the appeal never sees it');
  });

  it('the supervision board counts red, yellow and problem appeals by lead unit with the lists\' own filters', async () => {
    const board = async (user = 'supervisor') => {
      const res = await s.api('GET', '/api/supervision/board', { token: tokens[user] });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { totals: Record<string, number>; units: { unitId: string | null; red: number; yellow: number; problem: number }[] };
    };
    const open = 'status=dispatched,handling,suspended,return_requested,reply_review,closure_review,callback';
    const b = await board();
    assert.deepEqual(b.totals, { red: (await idsOf(`${open}&overdue=true`)).length, yellow: 1, problem: 1 });
    const zhujian = b.units.find((u) => u.unitId === s.unit('dept-zhujian'));
    assert.equal(zhujian?.yellow, 1);
    assert.equal(b.units.find((u) => u.unitId === s.unit('street-370812001'))?.problem, 1);
    for (const u of b.units) {
      if (!u.unitId) continue;
      assert.equal(u.yellow, (await idsOf(`${open}&dueSoon=true&unitId=${u.unitId}`)).length, 'a badge equals its list');
    }
    const own = await board('zhujian.handler');
    assert.equal(own.totals.problem, 0, 'a unit outside the escalated appeal never counts it');
    assert.equal(own.totals.yellow, 1, 'its own yellow appeal');
    assert.equal((await s.api('GET', '/api/supervision/board')).status, 401);
  });

  it('bad values are a 400 with a stable code', async () => {
    for (const q of ['dueSoon=yes', 'pending=return', 'problem=1', 'dueSoon=']) {
      const res = await s.api('GET', `/api/appeals?${q}`, { token: tokens.supervisor });
      assert.equal(res.status, 400, q);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    }
  });
  it('text search matches the exact text in title or content, any case, one character or more, or the number', async () => {
    const register = async (title: string, content: string) => {
      const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ title, content }) });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { id: string; number: string };
    };
    const leak = await register('楼道水管漏水严重', '三单元楼道水管破裂，楼下住户受影响。');
    const lamp = await register('路灯不亮', 'The Street LAMP at gate 2 has been dark for a week (100% broken_now).');
    const apart = await register('漏了一夜的水', '水漏到楼下，但没有写那两个字连在一起。');
    const search = async (text: string) => idsOf(`text=${encodeURIComponent(text)}&limit=100`);
    const has = (found: string[], ...want: { id: string }[]) => want.every((w) => found.includes(w.id));
    assert.ok(has(await search('漏水'), leak), 'a two-character word in the title');
    assert.ok(!(await search('漏水')).includes(apart.id), 'both characters, but never adjacent: no match');
    assert.ok(has(await search('lamp'), lamp) && has(await search('street lamp'), lamp), 'any case, spaces inside the text');
    assert.ok(has(await search('水'), leak, apart), 'one character matches without the pair index');
    assert.ok(has(await search('LA'), lamp) && has(await search('0%'), lamp), 'two characters: any case, % literal');
    assert.ok(!(await search('0_')).includes(lamp.id) && !(await search('亮T')).includes(lamp.id), 'two characters never across title and content');
    assert.ok(has(await search('100%'), lamp) && has(await search('broken_now'), lamp), '% and _ are literal');
    assert.ok(!(await search('100%b')).includes(lamp.id));
    assert.deepEqual(await search(leak.number), [leak.id], 'the appeal number');
    assert.deepEqual(await search('不存在的词语组合'), []);
  });

  it('a text pages the same from the newest appeals as through the pieces index', async () => {
    const register = async (title: string) => {
      const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ title, content: '楼顶有人养了很多，每天早上很吵。' }) });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    };
    for (let i = 0; i < 28; i++) await register(i % 6 === 5 ? `楼顶养鸡扰民 ${i}` : `楼顶鸽子扰民 ${i}`);
    // Two characters held by few appeals: the pieces index answers. One character has no pieces: the newest appeals
    // are read row by row, pages of 10 filled by the first window, the last, short one after deeper windows.
    for (const text of ['鸽子', '鸽']) {
      const everything = (await list(`text=${encodeURIComponent(text)}&limit=100`)).map((a) => a.id);
      assert.equal(everything.length, 24);
      const paged: string[] = [];
      let cursor = '';
      for (let page = 0; page < 5 && cursor !== null; page++) {
        const res = await s.api('GET', `/api/appeals?text=${encodeURIComponent(text)}&limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.supervisor });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        paged.push(...(res.body.items as { id: string }[]).map((a) => a.id));
        cursor = res.body.nextCursor;
      }
      assert.equal(cursor, null);
      assert.deepEqual(paged, everything, `${text}: same appeals, same order`);
    }
  });
});
