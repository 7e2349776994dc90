import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_POLICIES } from '@minsheng/domain';
import { queryRows, schema, seedKnowledge, seedReference } from '@minsheng/db';
import { DEMO_KNOWLEDGE, DEMO_PASSWORD } from '@minsheng/db/demo';
import { createUser } from '../src/modules/admin/use-cases/create-user';
import { startTestServer } from './harness';
import type { ApiResponse, TestServer } from './harness';

/** 知识库 and 答复模板 over HTTP: Chinese search and ranking, pages, roles, versions, bad input, tenancy. */
describe('knowledge base and reply templates over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const STAFF = ['agent', 'dispatcher', 'supervisor', 'leader', 'callback', 'zhujian.handler', 'zhujian.leader', 'weiyuan.handler'];
  const category: Record<string, string> = {};
  const demoArticles = DEMO_KNOWLEDGE.articles.length;

  before(async () => {
    s = await startTestServer();
    for (const u of [...STAFF, 'admin']) tokens[u] = await s.login(u);
    const rows = await s.deps.database.db.select().from(schema.categories).where(eq(schema.categories.jurisdictionId, '370812'));
    for (const c of rows) category[c.key] = c.id;
  });
  after(() => s.close());

  const get = (path: string, token = tokens.agent) => s.api('GET', path, { token });
  const admin = (method: string, path: string, body?: unknown) => s.api(method, path, { token: tokens.admin, body });
  const search = (q: string, extra = '', token = tokens.agent) => get(`/api/knowledge?q=${encodeURIComponent(q)}${extra}`, token);
  function refused(res: ApiResponse, status: number, code: string, label = '') {
    assert.equal(res.status, status, `${label} ${JSON.stringify(res.body).slice(0, 300)}`);
    assert.equal(res.body?.error?.code, code, label);
  }
  async function counts() {
    const tables = ['knowledge_articles', 'reply_templates', 'audit_log'];
    const [row] = await queryRows<Record<string, unknown>>(s.deps.database.db, sql.raw(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`));
    return Object.fromEntries(tables.map((t) => [t, Number(row![t])]));
  }
  async function nothingWritten(fn: () => Promise<void>) {
    const before = await counts();
    await fn();
    assert.deepEqual(await counts(), before, 'no rows written');
  }
  async function createArticle(body: Record<string, unknown>) {
    const res = await admin('POST', '/api/knowledge', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; version: number; updatedAt: string };
  }
  /** Later writes get later timestamps: the test clock only moves when told. */
  const tick = () => { s.clock.now = new Date(s.clock.now.getTime() + 60_000); };

  it('every staff role reads articles and templates; nobody without a session does', async () => {
    for (const user of [...STAFF, 'admin']) {
      for (const path of ['/api/knowledge', '/api/knowledge?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1', '/api/reply-templates', `/api/reply-templates?categoryId=${category['construction.gas-heating.heating']}&result=solved`]) {
        assert.equal((await get(path, tokens[user])).status, 200, `${user} ${path}`);
      }
    }
    for (const path of ['/api/knowledge', '/api/reply-templates']) refused(await s.api('GET', path), 401, 'UNAUTHENTICATED', path);
    refused(await s.api('POST', '/api/knowledge', { body: { title: 'x', body: 'y' } }), 401, 'UNAUTHENTICATED');
  });

  it('a blank query lists the demo articles, newest first, with snippets and the documented shape', async () => {
    const res = await get('/api/knowledge?limit=100');
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, demoArticles);
    assert.equal(res.body.nextCursor, null);
    assert.equal(res.body.terms, null);
    const item = res.body.items[0];
    assert.deepEqual(Object.keys(item).sort(), ['active', 'body', 'categoryId', 'id', 'keywords', 'public', 'snippet', 'title', 'updatedAt', 'version'].sort());
    for (const a of res.body.items) {
      assert.ok(a.snippet.length > 0 && a.snippet.length <= 122, a.snippet);
      assert.equal(a.active, true);
    }
    assert.ok(res.body.items.some((a: { public: boolean }) => !a.public), 'the internal 话务口径 article is listed for staff');
  });

  it('Chinese search finds the right article and ranks it first', async () => {
    const cases: [string, string][] = [
      ['社保卡丢了怎么补办', '社保卡'], ['补办社保卡', '社保卡'], ['居住证怎么办理？', '居住证'], ['暖气不热', '供暖'], ['什么时候开始供暖', '供暖'],
      ['公积金提取需要什么材料', '公积金'], ['晚上施工太吵了', '噪'], ['公司拖欠工资不给', '拖欠工资'], ['新生儿怎么参加居民医保', '居民基本医疗保险'],
    ];
    for (const [q, expected] of cases) {
      const res = await search(q);
      assert.equal(res.status, 200, q);
      assert.ok(res.body.items.length > 0, `${q}: nothing found`);
      assert.ok(res.body.items[0].title.includes(expected), `${q}: first is ${res.body.items[0].title}`);
      assert.ok(Array.isArray(res.body.terms) && res.body.terms.length > 0, q);
    }
    const card = await search('社保卡丢了怎么补办');
    assert.ok(card.body.terms.includes('社保卡'), JSON.stringify(card.body.terms));
    assert.ok(card.body.items[0].snippet.includes('社保卡'), card.body.items[0].snippet);
    // Full-width and upper-case forms are the same words.
    assert.equal((await search('ＥＴＣ')).status, 200);
  });

  it('title and keyword hits outrank body mentions; equal scores put the newest first', async () => {
    const inBody = await createArticle({ title: '车辆管理常见问题', body: '问：电动自行车上牌去哪里？答：到车管所或指定的上牌服务站办理。' });
    tick();
    const inTitle = await createArticle({ title: '电动自行车上牌流程', body: '携带购车发票、合格证和身份证到服务站登记。', keywords: ['电动车', '上牌'] });
    tick();
    const newerBody = await createArticle({ title: '车辆管理补充说明', body: '电动自行车上牌须本人到场。' });
    const res = await search('电动自行车上牌');
    const ids = res.body.items.map((a: { id: string }) => a.id);
    assert.equal(ids[0], inTitle.id, 'the title/keyword match is first although an older body match exists');
    assert.ok(ids.indexOf(newerBody.id) < ids.indexOf(inBody.id), 'same score: newer first');
    for (const a of [inBody, inTitle, newerBody]) assert.equal((await admin('DELETE', `/api/knowledge/${a.id}`)).status, 200);
  });

  it('a query of only stop words or punctuation is an empty list, not an error', async () => {
    for (const q of ['的了吗？', '，。！', '？？？', '我想问一下的', '……']) {
      const res = await search(q);
      assert.equal(res.status, 200, q);
      if (q === '我想问一下的') continue; // 问 is a word: whatever it finds is fine
      assert.deepEqual(res.body.items, [], q);
      assert.equal(res.body.nextCursor, null, q);
    }
    const blank = await search('   ');
    assert.equal(blank.status, 200);
    assert.equal(blank.body.items.length, 20 > demoArticles ? demoArticles : 20, 'whitespace is a blank query');
  });

  it('pages through results with the cursor: no gaps, no repeats, same order as one big page', async () => {
    tick();
    for (let i = 1; i <= 7; i++) {
      await createArticle({ title: `垃圾分类投放点第${i}号`, body: `第${i}个小区的垃圾分类投放点位置和开放时间。`, keywords: ['垃圾分类'] });
      if (i % 3 === 0) tick(); // some share a timestamp: the id breaks the tie
    }
    for (const query of ['', '&q=' + encodeURIComponent('垃圾分类投放点')]) {
      const all = await get(`/api/knowledge?limit=100${query}`);
      assert.equal(all.body.nextCursor, null);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: ApiResponse = await get(`/api/knowledge?limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.ok(res.body.items.length <= 3);
        seen.push(...res.body.items.map((a: { id: string }) => a.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      assert.deepEqual(seen, all.body.items.map((a: { id: string }) => a.id), `paged = one page (${query})`);
      assert.equal(new Set(seen).size, seen.length);
      if (query) assert.equal(seen.length, 7, JSON.stringify(all.body.items.map((a: { title: string }) => a.title)) + JSON.stringify(all.body.terms));
    }
  });

  it('filters by category subtree', async () => {
    const social = await get(`/api/knowledge?categoryId=${category['labour.social-insurance']}`);
    assert.deepEqual(social.body.items.map((a: { title: string }) => a.title), ['社保卡（社会保障卡）丢失如何挂失和补办']);
    const labour = await get(`/api/knowledge?limit=100&categoryId=${category.labour}`);
    assert.ok(labour.body.items.length >= 3, 'the top category includes its subcategories');
    const none = await search('社保卡', `&categoryId=${category['construction.gas-heating.heating']}`);
    assert.deepEqual(none.body.items, []);
  });

  it('administrators create, edit with a version, deactivate and reactivate; every write is audited', async () => {
    const created = await admin('POST', '/api/knowledge', {
      title: '  老年人优待证办理  ', body: '年满60周岁的本区户籍老人，携带身份证和一寸照片到社区服务站申请。', keywords: ['优待证', ' 老年证 ', '优待证'], public: true,
      categoryId: category['labour.social-insurance.pension'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const a = created.body;
    assert.equal(a.title, '老年人优待证办理');
    assert.deepEqual(a.keywords, ['优待证', '老年证']);
    assert.equal(a.version, 1);
    assert.equal(a.public, true);
    assert.equal((await search('老年证')).body.items[0]?.id, a.id);

    tick();
    const edited = await admin('PATCH', `/api/knowledge/${a.id}`, { version: 1, title: '老年人优待证（老年证）办理', categoryId: null });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.version, 2);
    assert.equal(edited.body.categoryId, null);
    assert.ok(edited.body.updatedAt > a.updatedAt);

    await nothingWritten(async () => {
      const stale = await admin('PATCH', `/api/knowledge/${a.id}`, { version: 1, body: '过期的修改' });
      refused(stale, 409, 'STALE_STATE');
      assert.equal(stale.body.error.details.version, 2);
      const unchanged = await admin('PATCH', `/api/knowledge/${a.id}`, { version: 2, public: true });
      assert.equal(unchanged.body.version, 2, 'a patch that changes nothing keeps the version');
    });

    const gone = await admin('DELETE', `/api/knowledge/${a.id}`);
    assert.equal(gone.status, 200);
    assert.equal(gone.body.active, false);
    assert.equal(gone.body.version, 3);
    assert.equal((await admin('DELETE', `/api/knowledge/${a.id}`)).body.version, 3, 'deactivating twice changes nothing');
    assert.ok(!(await search('老年证')).body.items.some((x: { id: string }) => x.id === a.id), 'inactive articles are not found');
    const inactive = await search('老年证', '&includeInactive=true', tokens.admin);
    assert.equal(inactive.body.items[0]?.id, a.id);
    assert.equal(inactive.body.items[0]?.active, false);
    const back = await admin('PATCH', `/api/knowledge/${a.id}`, { version: 3, active: true });
    assert.equal(back.body.active, true);
    assert.equal(back.body.version, 4);

    const audit = await s.deps.database.db.select().from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetType, 'knowledge_article'), eq(schema.auditLog.targetId, a.id))).orderBy(schema.auditLog.at);
    assert.deepEqual(audit.map((r) => r.action), ['create_knowledge_article', 'update_knowledge_article', 'deactivate_knowledge_article', 'update_knowledge_article']);
    const change = audit[1]!.detail as { version: number; changes: Record<string, { from: unknown; to: unknown }> };
    assert.equal(change.version, 2);
    assert.deepEqual(change.changes.title, { from: '老年人优待证办理', to: '老年人优待证（老年证）办理' });
    assert.deepEqual(change.changes.categoryId, { from: category['labour.social-insurance.pension'], to: null });
    for (const r of audit) assert.ok(r.actorUserId, 'the admin is named');
  });

  it('nobody but an administrator writes, or sees deactivated content', async () => {
    const article = await createArticle({ title: '权限测试条目', body: '只有管理员可以修改。' });
    const template = (await admin('POST', '/api/reply-templates', { name: '权限测试模板', text: '只有管理员可以修改。' })).body;
    await nothingWritten(async () => {
      for (const user of STAFF) {
        const token = tokens[user];
        refused(await s.api('POST', '/api/knowledge', { token, body: { title: '越权', body: '越权' } }), 403, 'FORBIDDEN', user);
        refused(await s.api('PATCH', `/api/knowledge/${article.id}`, { token, body: { version: 1, title: '越权' } }), 403, 'FORBIDDEN', user);
        refused(await s.api('DELETE', `/api/knowledge/${article.id}`, { token }), 403, 'FORBIDDEN', user);
        refused(await s.api('POST', '/api/reply-templates', { token, body: { name: '越权', text: '越权' } }), 403, 'FORBIDDEN', user);
        refused(await s.api('PATCH', `/api/reply-templates/${template.id}`, { token, body: { version: 1, name: '越权' } }), 403, 'FORBIDDEN', user);
        refused(await s.api('DELETE', `/api/reply-templates/${template.id}`, { token }), 403, 'FORBIDDEN', user);
        refused(await get('/api/knowledge?includeInactive=true', token), 403, 'FORBIDDEN', user);
        refused(await get('/api/reply-templates?includeInactive=true', token), 403, 'FORBIDDEN', user);
      }
    });
    assert.equal((await get(`/api/knowledge?includeInactive=false`)).status, 200);
  });

  it('templates for a category: its own first, then its parents\', then the generic ones; a result narrows them', async () => {
    const heating = category['construction.gas-heating.heating']!;
    const parent = await admin('POST', '/api/reply-templates', { name: '燃气供热通用答复', text: '您反映的燃气供热问题已转供热企业处理。', categoryId: category['construction.gas-heating'] });
    assert.equal(parent.status, 201, JSON.stringify(parent.body));
    const other = await admin('POST', '/api/reply-templates', { name: '路灯已修复', text: '路灯已修复。', categoryId: category['city-management.municipal.streetlight'], result: 'solved' });
    assert.equal(other.status, 201);

    const res = await get(`/api/reply-templates?categoryId=${heating}`);
    assert.equal(res.status, 200);
    const items = res.body.items as { id: string; name: string; categoryId: string | null; result: string | null; sortOrder: number }[];
    assert.deepEqual(Object.keys(items[0]!).sort(), ['active', 'categoryId', 'id', 'name', 'result', 'sortOrder', 'text', 'updatedAt', 'version'].sort());
    assert.equal(items[0]!.name, '供暖不热已处理');
    assert.equal(items[1]!.id, parent.body.id, 'the parent category comes next');
    const generic = items.slice(2);
    assert.ok(generic.length >= 5 && generic.every((t) => t.categoryId === null), 'then the generic ones');
    assert.ok(!items.some((t) => t.id === other.body.id), 'not another category\'s');
    assert.ok(generic.some((t) => t.name === '转交下级单位办理'));

    const solved = (await get(`/api/reply-templates?categoryId=${heating}&result=solved`)).body.items as typeof items;
    assert.equal(solved[0]!.name, '供暖不热已处理');
    assert.ok(solved.every((t) => t.result === 'solved' || t.result === null), 'solved or any result');
    assert.ok(solved.some((t) => t.name === '已解决（通用）') && !solved.some((t) => t.name === '已答复解释（通用）'));

    const genericOnly = (await get('/api/reply-templates?genericOnly=true')).body.items as typeof items;
    assert.ok(genericOnly.length > 0 && genericOnly.every((t) => t.categoryId === null));
    const all = (await get('/api/reply-templates')).body.items as typeof items;
    assert.ok(all.some((t) => t.id === other.body.id) && all.some((t) => t.categoryId === null), 'no filter: every active template');
  });

  it('templates: edit with a version, stale is 409, deactivate hides it from the reply form', async () => {
    const t = (await admin('POST', '/api/reply-templates', { name: '测试模板', text: '您好，【处理结果】。', result: 'explained', sortOrder: 5 })).body;
    assert.equal(t.version, 1);
    assert.equal(t.result, 'explained');
    const edited = await admin('PATCH', `/api/reply-templates/${t.id}`, { version: 1, result: null, sortOrder: -1 });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.result, null);
    assert.equal(edited.body.version, 2);
    await nothingWritten(async () => {
      const stale = await admin('PATCH', `/api/reply-templates/${t.id}`, { version: 1, name: '过期' });
      refused(stale, 409, 'STALE_STATE');
      assert.equal(stale.body.error.details.version, 2);
    });
    const anyResult = (await get('/api/reply-templates?genericOnly=true')).body.items.filter((x: { result: string | null }) => x.result === null);
    assert.equal(anyResult[0].id, t.id, 'sortOrder -1 comes first among the generic any-result templates');
    const hidden = await admin('DELETE', `/api/reply-templates/${t.id}`);
    assert.equal(hidden.body.active, false);
    assert.ok(!(await get('/api/reply-templates')).body.items.some((x: { id: string }) => x.id === t.id), 'gone from the reply form');
    assert.ok((await get('/api/reply-templates?includeInactive=true', tokens.admin)).body.items.some((x: { id: string; active: boolean }) => x.id === t.id && !x.active));
  });

  it('bad input is 400 with a stable code (422 for an unknown category) and writes nothing', async () => {
    const article = await createArticle({ title: '输入校验条目', body: '用于校验。' });
    const template = (await admin('POST', '/api/reply-templates', { name: '输入校验模板', text: '用于校验。' })).body;
    await nothingWritten(async () => {
      const articleBodies: unknown[] = [
        {}, { title: '标题' }, { body: '正文' }, { title: '', body: '正文' }, { title: '   ', body: '正文' }, { title: '标题', body: ' \n ' },
        { title: '题'.repeat(201), body: '正文' }, { title: '标题', body: '文'.repeat(20_001) }, { title: 1, body: '正文' }, { title: '标题', body: '正文', public: 'true' },
        { title: '标题', body: '正文', keywords: '社保' }, { title: '标题', body: '正文', keywords: Array.from({ length: 31 }, (_, i) => `词${i}`) },
        { title: '标题', body: '正文', keywords: [''] }, { title: '标题', body: '正文', categoryId: 'x' }, { title: '标题', body: '正文', active: false },
        { title: '标题', body: '正文', version: 1 }, { title: '标题', body: '正文', extra: 1 }, [], 'text', null,
      ];
      for (const body of articleBodies) refused(await admin('POST', '/api/knowledge', body), 400, 'VALIDATION_FAILED', JSON.stringify(body).slice(0, 80));
      const patches: unknown[] = [{}, { version: 1 }, { title: '无版本' }, { version: 0, title: 'x' }, { version: '1', title: 'x' }, { version: 1.5, title: 'x' }, { version: 1, title: '' }, { version: 1, id: randomUUID() }];
      for (const body of patches) refused(await admin('PATCH', `/api/knowledge/${article.id}`, body), 400, 'VALIDATION_FAILED', JSON.stringify(body));
      const templateBodies: unknown[] = [
        {}, { name: '名称' }, { text: '内容' }, { name: '名'.repeat(101), text: '内容' }, { name: '名称', text: '文'.repeat(10_001) },
        { name: '名称', text: '内容', result: 'great' }, { name: '名称', text: '内容', sortOrder: 1.5 }, { name: '名称', text: '内容', sortOrder: 100_000 }, { name: '名称', text: '内容', track: 'hotline' },
      ];
      for (const body of templateBodies) refused(await admin('POST', '/api/reply-templates', body), 400, 'VALIDATION_FAILED', JSON.stringify(body).slice(0, 80));
      refused(await admin('PATCH', `/api/reply-templates/${template.id}`, { version: 1 }), 400, 'VALIDATION_FAILED');
      refused(await admin('PATCH', `/api/reply-templates/${template.id}`, { version: 1, result: 'great' }), 400, 'VALIDATION_FAILED');

      for (const path of ['/api/knowledge?limit=0', '/api/knowledge?limit=101', '/api/knowledge?limit=ten', '/api/knowledge?cursor=!!!', '/api/knowledge?cursor=abc',
        `/api/knowledge?cursor=${Buffer.from('1|2026-01-01|x').toString('base64url')}`, `/api/knowledge?q=${'问'.repeat(101)}`, '/api/knowledge?includeInactive=yes',
        '/api/knowledge?categoryId=x', '/api/knowledge?sort=title', '/api/reply-templates?result=great', '/api/reply-templates?categoryId=x', '/api/reply-templates?genericOnly=1',
        `/api/reply-templates?genericOnly=true&categoryId=${category.labour}`]) {
        refused(await get(path), 400, 'VALIDATION_FAILED', path);
      }
      for (const id of ['not-a-uuid', '123']) {
        refused(await admin('PATCH', `/api/knowledge/${id}`, { version: 1, title: 'x' }), 400, 'VALIDATION_FAILED', id);
        refused(await admin('DELETE', `/api/reply-templates/${id}`), 400, 'VALIDATION_FAILED', id);
      }
      refused(await s.api('POST', '/api/knowledge', { token: tokens.admin, rawBody: '{"title":', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON');
      refused(await s.api('PATCH', `/api/reply-templates/${template.id}`, { token: tokens.admin, rawBody: '{', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON');
      refused(await admin('POST', '/api/knowledge', { title: 'a\u0000b', body: '正文' }), 400, 'VALIDATION_FAILED');

      const unknown = randomUUID();
      refused(await admin('POST', '/api/knowledge', { title: '标题', body: '正文', categoryId: unknown }), 422, 'UNKNOWN_CATEGORY');
      refused(await admin('PATCH', `/api/knowledge/${article.id}`, { version: 1, categoryId: unknown }), 422, 'UNKNOWN_CATEGORY');
      refused(await admin('POST', '/api/reply-templates', { name: '名称', text: '内容', categoryId: unknown }), 422, 'UNKNOWN_CATEGORY');
      refused(await get(`/api/knowledge?categoryId=${unknown}`), 422, 'UNKNOWN_CATEGORY');
      refused(await get(`/api/reply-templates?categoryId=${unknown}`), 422, 'UNKNOWN_CATEGORY');
      refused(await admin('PATCH', `/api/knowledge/${unknown}`, { version: 1, title: 'x' }), 404, 'NOT_FOUND');
      refused(await admin('DELETE', `/api/knowledge/${unknown}`), 404, 'NOT_FOUND');
      refused(await admin('PATCH', `/api/reply-templates/${unknown}`, { version: 1, name: 'x' }), 404, 'NOT_FOUND');
      refused(await admin('DELETE', `/api/reply-templates/${unknown}`), 404, 'NOT_FOUND');
    });
  });

  it('another jurisdiction\'s articles, templates and categories are invisible', async () => {
    const db = s.deps.database.db;
    const seeded = await db.transaction((tx) => seedReference(tx, {
      jurisdiction: { id: '370811', name: '济宁市任城区', numberPrefix: 'RC' },
      areas: [{ code: '37', name: '山东省', level: 'province', parentCode: null }, { code: '3708', name: '济宁市', level: 'city', parentCode: '37' }, { code: '370811', name: '任城区', level: 'county', parentCode: '3708' }],
      units: [{ key: 'centre', name: '任城区12345热线中心', shortName: '热线中心', kind: 'hotline_centre', parentKey: null, areaCodes: ['370811'], phone: '', address: '', receptionHours: '' }],
      categories: [{ key: 'heating', name: '供暖问题', parentKey: null, defaultKind: 'complaint', open311Code: 'RC01', defaultUnitKey: null, keywords: ['供暖'] }],
      policies: DEFAULT_POLICIES,
    }));
    await createUser(db, { jurisdictionId: '370811', username: 'rc.admin', displayName: '任城管理员', password: DEMO_PASSWORD, roles: [{ role: 'admin', unitId: seeded.unitIdByKey.get('centre')! }] }, null);
    await seedKnowledge(db, '370811', {
      articles: [{ title: '任城区供暖社保卡专用条目', body: '任城区的社保卡补办和供暖说明。', categoryKey: 'heating', keywords: ['社保卡'], public: true }],
      templates: [{ name: '任城区专用模板', text: '任城区。', categoryKey: 'heating', result: null, sortOrder: 0 }],
    }, seeded.categoryIdByKey);
    s.deps.runtimes.invalidate('370811');
    const login = await s.api('POST', '/api/auth/login', { body: { username: 'rc.admin', password: DEMO_PASSWORD, jurisdiction: '370811' } });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const other = login.body.token as string;

    const theirs = await search('社保卡', '', other);
    assert.equal(theirs.body.items.length, 1);
    const theirArticle = theirs.body.items[0].id as string;
    const theirTemplate = (await get('/api/reply-templates', other)).body.items[0].id as string;
    const theirCategory = seeded.categoryIdByKey.get('heating')!;

    const ours = await search('社保卡');
    assert.ok(!ours.body.items.some((a: { id: string }) => a.id === theirArticle), 'their article is not in our search');
    assert.ok(!(await get('/api/reply-templates')).body.items.some((t: { id: string }) => t.id === theirTemplate));
    await nothingWritten(async () => {
      refused(await admin('PATCH', `/api/knowledge/${theirArticle}`, { version: 1, title: '越界' }), 404, 'NOT_FOUND');
      refused(await admin('DELETE', `/api/knowledge/${theirArticle}`), 404, 'NOT_FOUND');
      refused(await admin('PATCH', `/api/reply-templates/${theirTemplate}`, { version: 1, name: '越界' }), 404, 'NOT_FOUND');
      refused(await admin('DELETE', `/api/reply-templates/${theirTemplate}`), 404, 'NOT_FOUND');
      refused(await admin('POST', '/api/knowledge', { title: '标题', body: '正文', categoryId: theirCategory }), 422, 'UNKNOWN_CATEGORY');
      refused(await get(`/api/reply-templates?categoryId=${theirCategory}`), 422, 'UNKNOWN_CATEGORY');
      refused(await get(`/api/knowledge?categoryId=${theirCategory}`), 422, 'UNKNOWN_CATEGORY');
    });
    assert.equal((await get('/api/knowledge?limit=100', other)).body.items.length, 1, 'and they do not see ours');
  });
});
