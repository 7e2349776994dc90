import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { trainClassifier } from '@minsheng/text';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { VOCABULARIES, categoryIds, registerCategorised, runJobs } from './text-fixtures';

/** 分类建议 end to end: retrain from the jurisdiction's appeals in the job table, the model's figures, suggestions, import, roll back. */
describe('category classifier: retrain job, models, suggestions', () => {
  let s: TestServer;
  const t: Record<string, string> = {};
  let cat: Record<string, string> = {};
  const USERS = ['admin', 'agent', 'dispatcher', 'zhujian.handler', 'leader', 'supervisor'];
  const suggest = (body: Record<string, unknown>, token = t.agent) => s.api('POST', '/api/text/suggest', { token, body });
  const streetlight = { title: '路灯坏了好几天', content: '漕河镇某小区门口的路灯坏了好几天，晚上黑漆漆的，老人孩子出门很不安全，请尽快派人维修路灯。' };

  async function retrain(): Promise<any> {
    const res = await s.api('POST', '/api/admin/text/retrain', { token: t.admin });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.ok(await runJobs(s) >= 1);
    const job = await s.api('GET', `/api/admin/text/jobs/${res.body.jobId}`, { token: t.admin });
    assert.equal(job.status, 200, JSON.stringify(job.body));
    assert.equal(job.body.status, 'done', JSON.stringify(job.body));
    return job.body.outcome;
  }

  before(async () => {
    s = await startTestServer();
    for (const u of USERS) t[u] = await s.login(u);
    cat = await categoryIds(s, t.agent!);
  });
  after(() => s.close());

  it('without a model, suggestions answer with no categories and a reason; routing and duplicates still work', async () => {
    const res = await suggest({ ...streetlight, areaCode: '370812107' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.categories, []);
    assert.equal(res.body.classifier.status, 'not_trained');
    assert.match(res.body.classifier.reason, /尚未训练/);
    assert.equal(res.body.routing.source, 'street_office', 'no category: the street office of the area');
    assert.deepEqual(res.body.duplicates, []);
    assert.equal(res.body.callerHistory, null);
  });

  it('only an administrator may retrain or see models: others get 403, anonymous 401, and no job is queued', async () => {
    for (const user of ['agent', 'dispatcher', 'zhujian.handler', 'leader', 'supervisor']) {
      for (const [method, path] of [['POST', '/api/admin/text/retrain'], ['GET', '/api/admin/text/models'], ['GET', '/api/admin/text/settings'],
        ['POST', `/api/admin/text/models/${randomUUID()}/activate`], ['GET', `/api/admin/text/jobs/${randomUUID()}`]] as const) {
        const res = await s.api(method, path, { token: t[user] });
        assert.equal(res.status, 403, `${user} ${method} ${path}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, 'FORBIDDEN');
        assert.equal((await s.api(method, path)).status, 401);
      }
    }
    const [jobs] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'text_retrain'`);
    assert.equal(jobs!.n, 0);
  });

  it('a retrain without enough categorised appeals finishes and says why it did not train', async () => {
    const outcome = await retrain();
    assert.equal(outcome.trained, false);
    assert.match(outcome.reason, /至少 2 个分类/);
    assert.equal((await s.api('GET', '/api/admin/text/models', { token: t.admin })).body.items.length, 0);
  });

  it('a second request while a retrain is queued joins it instead of queueing another', async () => {
    const first = await s.api('POST', '/api/admin/text/retrain', { token: t.admin });
    const second = await s.api('POST', '/api/admin/text/retrain', { token: t.admin });
    assert.deepEqual([first.status, second.status], [202, 202]);
    assert.equal(second.body.jobId, first.body.jobId);
    assert.equal(second.body.alreadyQueued, true);
    await runJobs(s);
  });

  it('trains on the jurisdiction\'s categorised appeals in the background and stores a model with held-out figures', async () => {
    await registerCategorised(s, t.agent!, cat, 8);
    const outcome = await retrain();
    assert.equal(outcome.trained, true, JSON.stringify(outcome));
    assert.equal(outcome.version, 1);
    const res = await s.api('GET', '/api/admin/text/models', { token: t.admin });
    assert.equal(res.status, 200);
    const [model] = res.body.items;
    assert.equal(res.body.activeModelId, model.id);
    assert.deepEqual([model.version, model.active, model.source, model.trainedOn], [1, true, 'retrain', 24]);
    assert.deepEqual(model.labels.map((l: { categoryId: string }) => l.categoryId).sort(), Object.keys(VOCABULARIES).map((k) => cat[k]).sort(),
      'eight distinct appeals each: every leaf is a class of its own');
    assert.match(model.labels.find((l: { categoryId: string }) => l.categoryId === cat['city-management.municipal.streetlight']).name, /城市管理 \/ 市政设施 \/ 路灯照明/);
    for (const figure of ['accuracy', 'macroF1', 'top3Accuracy']) assert.ok(model.evaluation[figure] >= 0 && model.evaluation[figure] <= 1, figure);
    assert.ok(model.evaluation.heldOutRows >= 3);
    assert.equal(model.evaluation.perClass.length, 3);
    assert.equal(res.body.runs[0].outcome.modelId, model.id);
    assert.equal(JSON.stringify(res.body).includes('"weights"'), false, 'the serialized model never leaves the server');
  });

  it('suggests the right category with its routing proposal, for a text it has not seen', async () => {
    const res = await suggest({ ...streetlight, areaCode: '370812107' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.classifier.status, 'ready');
    assert.equal(res.body.categories.length, 3);
    const [top] = res.body.categories;
    assert.equal(top.categoryId, cat['city-management.municipal.streetlight']);
    assert.equal(top.name, '路灯照明');
    assert.ok(top.confidence > res.body.categories[1].confidence);
    assert.equal(res.body.routing.categoryId, top.categoryId);
    assert.equal(res.body.routing.leadUnitId, s.unit('dept-chengguan'));
    assert.match(res.body.routing.why, /默认承办单位/);
    const fumes = await suggest({ title: '楼下饭店油烟太大', content: '新兖镇某小区楼下新开的饭店油烟直排，排烟管对着我家窗户，油烟味太重了。' });
    assert.equal(fumes.body.categories[0].categoryId, cat['environment.air.catering-fumes']);
    const wages = await suggest({ title: '包工头拖欠工资', content: '我们在大安镇的工地干了半年，包工头拖欠工资四个月，一直不给，请帮忙追讨。' });
    assert.equal(wages.body.categories[0].categoryId, cat['labour.labour-relations.wage-arrears']);
  });

  it('the category the agent chose drives routing; the suggestion still ranks all three', async () => {
    const res = await suggest({ ...streetlight, categoryId: cat['environment.air.industrial-emission'] });
    assert.equal(res.body.categories[0].categoryId, cat['city-management.municipal.streetlight']);
    assert.deepEqual([res.body.routing.categoryId, res.body.routing.leadUnitId], [cat['environment.air.industrial-emission'], s.unit('dept-huanjing')]);
  });

  it('bad input gets 400/422 with a stable code, never a 500; suggestions are for agents and dispatchers', async () => {
    const cases: [unknown, number, string][] = [
      [{ content: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ title: ' ', content: '内容' }, 400, 'VALIDATION_FAILED'],
      [{ title: 't', content: 'c', extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ title: 't', content: 'c', areaCode: 'abc' }, 400, 'VALIDATION_FAILED'],
      [{ title: 't', content: 'c', categoryId: 'nope' }, 400, 'VALIDATION_FAILED'],
      [{ title: 't'.repeat(201), content: 'c' }, 400, 'VALIDATION_FAILED'],
      [{ title: 't', content: 'c', areaCode: '370812999' }, 422, 'UNKNOWN_AREA'],
      [{ title: 't', content: 'c', categoryId: randomUUID() }, 422, 'UNKNOWN_CATEGORY'],
      [{ title: 't', content: 'c', phone: '12' + 'x'.repeat(5) }, 422, 'INVALID_PHONE'],
      [[], 400, 'VALIDATION_FAILED'],
      ['"text"', 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await suggest(body as Record<string, unknown>);
      assert.equal(res.status, status, JSON.stringify([body, res.body]));
      assert.equal(res.body.error.code, code);
    }
    const malformed = await s.api('POST', '/api/text/suggest', { token: t.agent, rawBody: '{"title":' });
    assert.deepEqual([malformed.status, malformed.body.error.code], [400, 'MALFORMED_JSON']);
    for (const user of ['zhujian.handler', 'leader', 'supervisor', 'admin']) {
      const res = await suggest(streetlight, t[user]);
      assert.deepEqual([res.status, res.body.error?.code], [403, 'FORBIDDEN'], user);
    }
    assert.equal((await suggest(streetlight, t.dispatcher)).status, 200);
    assert.equal((await s.api('POST', '/api/text/suggest', { body: streetlight })).status, 401);
  });

  it('imports a model trained elsewhere (labels as category keys), uses it at once, and can roll back to the retrained one', async () => {
    const rows = Object.entries(VOCABULARIES).flatMap(([key, make]) => Array.from({ length: 6 }, (_, i) => {
      const { title, content } = make(i + 20);
      return { text: `${title}\n${content}`, label: key.split('.')[0]! };
    }));
    const model = trainClassifier(rows, { seed: 3 });
    const imported = await s.api('POST', '/api/admin/text/models', { token: t.admin, body: model });
    assert.equal(imported.status, 201, JSON.stringify(imported.body));
    assert.deepEqual([imported.body.version, imported.body.source, imported.body.active], [2, 'import', true]);
    assert.deepEqual(imported.body.labels.map((l: { categoryId: string }) => l.categoryId).sort(), [cat['city-management'], cat.environment, cat.labour].sort());
    const top = await suggest(streetlight);
    assert.equal(top.body.categories[0].categoryId, cat['city-management'], 'the imported top-level model answers now');
    assert.equal(top.body.classifier.version, 2);

    const models = (await s.api('GET', '/api/admin/text/models', { token: t.admin })).body;
    const retrained = models.items.find((m: { version: number }) => m.version === 1);
    assert.equal(retrained.active, false);
    const back = await s.api('POST', `/api/admin/text/models/${retrained.id}/activate`, { token: t.admin });
    assert.deepEqual([back.status, back.body.active], [200, true]);
    assert.equal((await suggest(streetlight)).body.categories[0].categoryId, cat['city-management.municipal.streetlight']);
    assert.equal((await s.api('POST', `/api/admin/text/models/${randomUUID()}/activate`, { token: t.admin })).status, 404);
  });

  it('refuses a model whose labels are not categories, or that is not a model, and stores nothing', async () => {
    const before = (await s.api('GET', '/api/admin/text/models', { token: t.admin })).body.items.length;
    const model = trainClassifier([
      { text: '路灯不亮', label: '路灯' }, { text: '路灯坏了', label: '路灯' }, { text: '工资拖欠', label: '不存在的分类' }, { text: '欠薪讨要', label: '不存在的分类' },
    ], { seed: 1 });
    const unknown = await s.api('POST', '/api/admin/text/models', { token: t.admin, body: { ...model, labels: ['城市管理', '不存在的分类'] } });
    assert.deepEqual([unknown.status, unknown.body.error.code, unknown.body.error.details.labels], [422, 'UNKNOWN_CATEGORY', ['不存在的分类']]);
    const broken = await s.api('POST', '/api/admin/text/models', { token: t.admin, body: { ...model, labels: ['城市管理', '生态环境'], idf: 'AAAA' } });
    assert.deepEqual([broken.status, broken.body.error.code], [400, 'VALIDATION_FAILED']);
    const missing = await s.api('POST', '/api/admin/text/models', { token: t.admin, body: { format: 'minsheng-text-classifier', labels: ['城市管理', '生态环境'] } });
    assert.deepEqual([missing.status, missing.body.error.code], [400, 'VALIDATION_FAILED']);
    const notModel = await s.api('POST', '/api/admin/text/models', { token: t.admin, body: { hello: 'world' } });
    assert.deepEqual([notModel.status, notModel.body.error.code], [400, 'VALIDATION_FAILED']);
    const forbidden = await s.api('POST', '/api/admin/text/models', { token: t.agent, body: model });
    assert.equal(forbidden.status, 403);
    assert.equal((await s.api('GET', '/api/admin/text/models', { token: t.admin })).body.items.length, before);
  });

  it('settings: an administrator changes the training threshold and risk keywords; bad values are refused', async () => {
    const current = await s.api('GET', '/api/admin/text/settings', { token: t.admin });
    assert.deepEqual([current.status, current.body.minExamplesPerClass, current.body.riskKeywordsAreDefault], [200, 5, true]);
    const put = await s.api('PUT', '/api/admin/text/settings', { token: t.admin, body: { minExamplesPerClass: 8, riskKeywords: [{ term: '堵门', level: 'high', kind: '群体性' }] } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual([put.body.minExamplesPerClass, put.body.riskKeywords, put.body.riskKeywordsAreDefault], [8, [{ term: '堵门', level: 'high', kind: '群体性' }], false]);
    for (const body of [{}, { minExamplesPerClass: 1 }, { duplicateThreshold: 2 }, { riskKeywords: [{ term: '', level: 'high', kind: 'x' }] }, { unknown: 1 }]) {
      const res = await s.api('PUT', '/api/admin/text/settings', { token: t.admin, body });
      assert.deepEqual([res.status, res.body.error.code], [400, 'VALIDATION_FAILED'], JSON.stringify(body));
    }
    const rules = await s.api('GET', '/api/admin/settings', { token: t.admin });
    assert.equal(rules.status, 200, 'the rule settings still read');
    const reset = await s.api('PUT', '/api/admin/text/settings', { token: t.admin, body: { minExamplesPerClass: 5, riskKeywords: null } });
    assert.equal(reset.body.riskKeywordsAreDefault, true);
    assert.equal((await s.api('PUT', '/api/admin/text/settings', { token: t.agent, body: { minExamplesPerClass: 5 } })).status, 403);
  });
});
