import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { schema } from '@minsheng/db';
import { buildApp } from '../src/http/app';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/**
 * The console's server side: GET /api/meta for the login page, the dashboard figures (SQL over the user's scope),
 * the XLSX export of the list's filters (masked, scoped, audited), staff names for timelines, the list's kind/track/date
 * filters, and the built console served with SPA fallback and cache headers.
 */
describe('reports, meta and the console', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function register(overrides: Record<string, unknown> = {}) {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody(overrides) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function act(user: string, id: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
  }
  async function dispatched(unitKey: string, overrides: Record<string, unknown> = {}) {
    const id = await register(overrides);
    await act('agent', id, { action: 'accept' });
    await act('dispatcher', id, { action: 'dispatch', leadUnitId: s.unit(unitKey) });
    return id;
  }
  async function xlsx(user: string, query = '') {
    const res = await fetch(`${s.baseUrl}/api/reports/appeals.xlsx${query}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
    assert.equal(res.status, 200, await res.clone().text());
    const buf = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('诉求')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return { res, buf, wb, header: rows[0]!, rows: rows.slice(1) };
  }

  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'leader', 'zhujian.handler', 'chengguan.handler', 'admin']) tokens[u] = await s.login(u);
    ids.zhujian = await dispatched('dept-zhujian');
    ids.zhujianConfidential = await dispatched('dept-zhujian', { confidential: true, citizen: { name: '李秘密', phone: '13800138000' } });
    ids.chengguan = await dispatched('dept-chengguan', { kind: 'help', title: '路灯不亮' });
    ids.registered = await register({ kind: 'consultation', title: '咨询办事流程', channel: 'web' });
  });
  after(() => s.close());

  it('GET /api/meta needs no session and lists the demo accounts only on a demo jurisdiction', async () => {
    const res = await s.api('GET', '/api/meta');
    assert.equal(res.status, 200);
    assert.equal(res.body.jurisdictionId, '370812');
    assert.equal(res.body.demo, true);
    assert.equal(res.body.demoPassword, 'minsheng-demo-2026');
    const agent = res.body.demoUsers.find((u: any) => u.username === 'agent');
    assert.deepEqual(agent.roles, ['agent']);
    assert.match(agent.unit, /12345/);
    assert.ok(!JSON.stringify(res.body).includes('passwordHash'));
  });

  it('the dashboard counts today, open, overdue and due-soon appeals in SQL, by unit and by day', async () => {
    assert.equal((await s.api('GET', '/api/reports/dashboard')).status, 401);
    assert.equal((await s.api('GET', '/api/reports/dashboard?days=3', { token: tokens.leader })).body.error.code, 'VALIDATION_FAILED');
    const res = await s.api('GET', '/api/reports/dashboard?days=7', { token: tokens.leader });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const d = res.body;
    assert.equal(d.totals.todayIntake, 4);
    assert.equal(d.totals.open, 4, 'every appeal is still open');
    assert.equal(d.totals.overdue, 0);
    assert.equal(d.trend.length, 7);
    assert.equal(d.trend.at(-1).date, d.today);
    assert.equal(d.trend.at(-1).intake, 4);
    const zhujian = d.byUnit.find((u: any) => u.unitId === s.unit('dept-zhujian'));
    assert.equal(zhujian.open, 2);
    const centre = d.byUnit.find((u: any) => u.unitId === s.unit('centre'));
    assert.equal(centre.open, 1, 'an undispatched appeal counts for its receiving unit');
    assert.deepEqual(d.byChannel.find((c: any) => c.channel === 'web'), { channel: 'web', count: 1 });
    // The sign-for clock of dispatched appeals runs 2 working hours (due 11:00): "due soon" now, overdue at noon.
    const soon = await s.api('GET', '/api/reports/dashboard?soonHours=24', { token: tokens.leader });
    assert.equal(soon.body.totals.dueSoon, 3);
    const saved = s.clock.now;
    s.clock.now = new Date(saved.getTime() + 3 * 3_600_000);
    try {
      const later = await s.api('GET', '/api/reports/dashboard', { token: tokens.leader });
      assert.equal(later.body.totals.overdue, 3, JSON.stringify(later.body));
      assert.equal(later.body.totals.dueSoon, 0);
      assert.equal(later.body.byUnit.find((u: any) => u.unitId === s.unit('dept-zhujian')).overdue, 2);
      const list = await s.api('GET', '/api/appeals?overdue=true&limit=100', { token: tokens.leader });
      assert.equal(list.body.items.length, later.body.totals.overdue, 'the same definition of overdue as the list');
    } finally {
      s.clock.now = saved;
    }
  });

  it('the dashboard is scoped to the user\'s units', async () => {
    const res = await s.api('GET', '/api/reports/dashboard', { token: tokens['chengguan.handler'] });
    assert.equal(res.status, 200);
    assert.equal(res.body.totals.open, 1);
    assert.deepEqual(res.body.byUnit.map((u: any) => u.unitId), [s.unit('dept-chengguan')]);
  });

  it('exports the filtered list as XLSX with Chinese headers, masked personal data and an audit row', async () => {
    const all = await xlsx('leader');
    assert.match(all.res.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.match(all.res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
    assert.equal(all.header[0], '工单编号');
    assert.ok(all.header.includes('诉求人(脱敏)'));
    assert.equal(all.rows.length, 4);
    const text = JSON.stringify(all.rows);
    assert.ok(!text.includes('13905371234') && !text.includes('王建国') && !text.includes('13800138000') && !text.includes('李秘密'), 'no personal data in clear');
    assert.ok(text.includes('139****1234'), 'masked phone');
    const confidential = all.rows.find((r) => r.includes('保密') && r[12] === '保密');
    assert.ok(confidential, 'a confidential appeal shows no personal data at all');
    assert.ok(all.wb.getWorksheet('说明'), 'the workbook says what it holds');

    const filtered = await xlsx('leader', '?kind=help&status=dispatched');
    assert.deepEqual(filtered.rows.map((r) => r[1]), ['路灯不亮']);
    assert.equal(filtered.rows[0]![6], '已派单');

    const scoped = await xlsx('zhujian.handler');
    assert.equal(scoped.rows.length, 2, 'a unit exports only its own appeals');

    const audits = await s.deps.database.db.select().from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'export_appeals'), eq(schema.auditLog.jurisdictionId, '370812')));
    assert.ok(audits.length >= 3);
  });

  it('refuses a bad export filter with a JSON error before streaming, and needs a session', async () => {
    const bad = await s.api('GET', '/api/reports/appeals.xlsx?status=nope', { token: tokens.leader });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
    assert.equal((await s.api('GET', '/api/reports/appeals.xlsx')).status, 401);
  });

  it('the list filters by kind, track and registration time', async () => {
    const byKind = await s.api('GET', '/api/appeals?kind=consultation', { token: tokens.leader });
    assert.deepEqual(byKind.body.items.map((a: any) => a.id), [ids.registered]);
    assert.equal((await s.api('GET', '/api/appeals?track=petition', { token: tokens.leader })).body.items.length, 0);
    const now = s.clock.now.getTime();
    const window = (from: number, to: number) => `createdFrom=${encodeURIComponent(new Date(from).toISOString())}&createdTo=${encodeURIComponent(new Date(to).toISOString())}`;
    assert.equal((await s.api('GET', `/api/appeals?${window(now - 3_600_000, now + 1)}`, { token: tokens.leader })).body.items.length, 4);
    assert.equal((await s.api('GET', `/api/appeals?${window(now + 1, now + 3_600_000)}`, { token: tokens.leader })).body.items.length, 0);
    assert.equal((await s.api('GET', '/api/appeals?createdFrom=yesterday', { token: tokens.leader })).status, 400);
  });

  it('names the staff behind timeline events, only within the jurisdiction', async () => {
    const events = await s.api('GET', `/api/appeals/${ids.zhujian}/events`, { token: tokens.leader });
    const actorIds = [...new Set<string>(events.body.items.map((e: any) => e.actorUserId))];
    const res = await s.api('GET', `/api/staff/names?ids=${actorIds.join(',')},00000000-0000-0000-0000-000000000000`, { token: tokens['zhujian.handler'] });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.items.map((u: any) => u.displayName).sort(), ['刘振华', '孙晓静'].sort());
    assert.equal((await s.api('GET', '/api/staff/names?ids=x', { token: tokens.leader })).status, 400);
  });

  it('serves the built console: files, SPA fallback for non-API paths, long cache for hashed assets', async () => {
    const root = mkdtempSync(join(tmpdir(), 'minsheng-web-'));
    const empty = mkdtempSync(join(tmpdir(), 'minsheng-web-empty-'));
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
      writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
      const app = await buildApp(s.deps, { webRoot: root });
      try {
        const home = await app.inject({ method: 'GET', url: '/' });
        assert.equal(home.statusCode, 200);
        assert.match(home.body, /console/);
        assert.equal(home.headers['cache-control'], 'no-cache');
        const deep = await app.inject({ method: 'GET', url: '/appeals/123?x=1', headers: { accept: 'text/html' } });
        assert.equal(deep.statusCode, 200);
        assert.match(deep.body, /console/);
        assert.equal(deep.headers['cache-control'], 'no-cache');
        const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
        assert.equal(asset.statusCode, 200);
        assert.match(String(asset.headers['cache-control']), /max-age=31536000/);
        for (const url of ['/assets/missing.js', '/api/nope', '/nope.php']) {
          const miss = await app.inject({ method: 'GET', url });
          assert.equal(miss.statusCode, 404, url);
          assert.equal(miss.json().error.code, 'NOT_FOUND');
        }
        assert.equal((await app.inject({ method: 'POST', url: '/appeals', payload: {} })).statusCode, 404);
        assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
      } finally {
        await app.close();
      }
      const unbuilt = await buildApp(s.deps, { webRoot: empty });
      try {
        const res = await unbuilt.inject({ method: 'GET', url: '/' });
        assert.equal(res.statusCode, 503);
        assert.match(res.body, /npm run build:web/);
        assert.equal((await unbuilt.inject({ method: 'GET', url: '/api/nope' })).statusCode, 404);
      } finally {
        await unbuilt.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
