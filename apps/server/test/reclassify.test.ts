import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/** 更正分类: the dispatcher fixes an appeal's category before dispatch, through the transition table, with its event. */
describe('reclassify before dispatch', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const cat: Record<string, string> = {};
  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'zhujian.handler']) tokens[u] = await s.login(u);
    for (const c of (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items) cat[c.key] = c.id;
  });
  after(() => s.close());

  async function registered(categoryKey: string) {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ categoryId: cat[categoryKey] }) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; version: number };
  }
  const act = (id: string, body: Record<string, unknown>, token = tokens.dispatcher) => s.api('POST', `/api/appeals/${id}/transitions`, { token, body });
  const detail = async (id: string) => (await s.api('GET', `/api/appeals/${id}`, { token: tokens.dispatcher })).body;

  it('changes the category, keeps the state, writes an internal event with from → to, and routing follows', async () => {
    const a = await registered('construction');
    const target = Object.keys(cat).find((k) => k !== 'construction' && k.includes('.'))!;
    const res = await act(a.id, { action: 'reclassify', version: a.version, categoryId: cat[target] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.categoryId, cat[target]);
    assert.equal(res.body.status, 'registered');
    assert.equal(res.body.version, a.version + 1);
    const events = (await s.api('GET', `/api/appeals/${a.id}/events`, { token: tokens.dispatcher })).body.items;
    const last = events.at(-1);
    assert.equal(last.action, 'reclassify');
    assert.equal(last.payload.fromCategoryId, cat.construction);
    assert.equal(last.payload.categoryId, cat[target]);
    assert.equal(last.visibility, 'internal');
  });

  it('refuses an unknown category, the same category, a unit handler, and after dispatch — changing nothing', async () => {
    const a = await registered('construction');
    const cases: [Record<string, unknown>, string, number, string][] = [
      [{ action: 'reclassify', version: a.version, categoryId: randomUUID() }, tokens.dispatcher!, 422, 'UNKNOWN_CATEGORY'],
      [{ action: 'reclassify', version: a.version, categoryId: 'not-a-uuid' }, tokens.dispatcher!, 400, 'VALIDATION_FAILED'],
      [{ action: 'reclassify', version: a.version }, tokens.dispatcher!, 422, 'INVALID_TRANSITION_INPUT'],
      [{ action: 'reclassify', version: a.version, categoryId: cat.construction }, tokens.dispatcher!, 422, 'INVALID_TRANSITION_INPUT'],
    ];
    for (const [body, token, status, code] of cases) {
      const res = await act(a.id, body, token);
      assert.equal(res.status, status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code);
    }
    const denied = await act(a.id, { action: 'reclassify', version: a.version, categoryId: cat.environment ?? Object.values(cat)[1] }, tokens['zhujian.handler']);
    assert.ok([403, 404].includes(denied.status), JSON.stringify(denied.body));
    const unchanged = await detail(a.id);
    assert.equal(unchanged.version, a.version);
    assert.equal(unchanged.categoryId, cat.construction);

    const accepted = await act(a.id, { action: 'accept', version: a.version });
    const dispatched = await act(a.id, { action: 'dispatch', version: accepted.body.version, leadUnitId: s.unit('dept-zhujian') });
    assert.equal(dispatched.status, 200, JSON.stringify(dispatched.body));
    const late = await act(a.id, { action: 'reclassify', version: dispatched.body.version, categoryId: Object.values(cat).find((c) => c !== cat.construction) });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'ILLEGAL_TRANSITION');
  });

  it('suggestions for a registered appeal never list the appeal itself as its own duplicate', async () => {
    const a = await registered('construction');
    const body = intakeBody();
    const draft = await s.api('POST', '/api/text/suggest', { token: tokens.dispatcher, body: { title: body.title, content: body.content, areaCode: body.areaCode } });
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    assert.ok(draft.body.duplicates.some((d: { id: string }) => d.id === a.id), 'a draft sees the registered appeal as a duplicate');
    const own = await s.api('POST', '/api/text/suggest', { token: tokens.dispatcher, body: { title: body.title, content: body.content, areaCode: body.areaCode, appealId: a.id } });
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.ok(!own.body.duplicates.some((d: { id: string }) => d.id === a.id));
    const unknown = await s.api('POST', '/api/text/suggest', { token: tokens.dispatcher, body: { title: body.title, content: body.content, appealId: randomUUID() } });
    assert.equal(unknown.status, 404);
  });
});
