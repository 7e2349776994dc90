import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { Worker } from '../src/jobs/worker';
import { checkReadiness } from '../src/modules/health/use-cases/check-readiness';
import type { Deps } from '../src/deps';

/** Personal data the intake below sends; none of it may reach a log line, in any form the server might write it. */
const NAME = '欧阳淑芬';
const PHONE = '13812345678';
const ID_NUMBER = '37081219900315451X';
const ADDRESS = '兖州区九州大道某小区7号楼';
const CONTENT_MARK = '楼道里堆满杂物';

/** Issue 9 §8: structured logs with request ids and no personal data, /metrics, liveness and readiness. */
describe('observability', () => {
  let s: TestServer;
  let logs = '';
  let agent = '';
  before(async () => {
    const logStream = new Writable({ write(chunk, _enc, done) { logs += String(chunk); done(); } });
    s = await startTestServer({ logStream });
    agent = await s.login('agent');
  });
  after(() => s.close());

  const lines = () => logs.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

  it('logs one JSON object per line with a request id, echoed as X-Request-Id; a caller id is kept only when it is a plain token', async () => {
    const res = await s.api('GET', '/api/health');
    const id = res.headers.get('x-request-id');
    assert.ok(id && /^[0-9a-f-]{36}$/.test(id), `a fresh UUID, got ${id}`);
    const mine = lines().filter((l) => l.reqId === id);
    assert.ok(mine.some((l) => l.msg === 'incoming request') && mine.some((l) => l.msg === 'request completed'), JSON.stringify(mine));
    const done = mine.find((l) => l.msg === 'request completed')!;
    assert.equal((done.res as { statusCode: number }).statusCode, 200);
    assert.equal(typeof done.responseTime, 'number');

    const kept = await s.api('GET', '/api/health', { headers: { 'x-request-id': 'lb-7f3a9c21.0001' } });
    assert.equal(kept.headers.get('x-request-id'), 'lb-7f3a9c21.0001');
    for (const bad of ['short', 'has space in it', 'x'.repeat(65), 'inject\\u000a{"level":60}']) {
      const replaced = await s.api('GET', '/api/health', { headers: { 'x-request-id': bad } });
      assert.notEqual(replaced.headers.get('x-request-id'), bad);
      assert.match(replaced.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
    }
  });

  it('keeps the citizen\'s name, phone, ID number, address and words out of the logs, on success and on refusal', async () => {
    const before = logs.length;
    const citizen = { name: NAME, phone: PHONE, idNumber: ID_NUMBER, address: ADDRESS };
    const ok = await s.api('POST', '/api/appeals', { token: agent, body: intakeBody({ citizen, content: `${CONTENT_MARK}，消防通道被堵。` }) });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    // Refusals: a schema error, a domain error naming the field, malformed JSON quoting the phone, an unknown route.
    assert.equal((await s.api('POST', '/api/appeals', { token: agent, body: intakeBody({ citizen, urgency: 'whenever' }) })).status, 400);
    assert.equal((await s.api('POST', '/api/appeals', { token: agent, body: intakeBody({ citizen: { ...citizen, idNumber: '370812199003154510' } }) })).status, 422);
    assert.equal((await s.api('POST', '/api/appeals', { token: agent, rawBody: `{"citizen":{"phone":"${PHONE}","name":"${NAME}"` })).status, 400);
    assert.equal((await s.api('GET', `/api/citizens/history?phone=${PHONE}`, { token: agent })).status, 200);
    assert.equal((await s.api('GET', `/api/nothing-here/${PHONE}x?name=${encodeURIComponent(NAME)}`, { token: agent })).status, 404);
    const written = logs.slice(before);
    assert.ok(written.length > 500, 'the requests above were logged');
    for (const secret of [NAME, PHONE, ID_NUMBER, ADDRESS, CONTENT_MARK, '0315451', '1234 5678', encodeURIComponent(NAME)]) {
      assert.ok(!written.includes(secret), `log output contains ${secret}: ${written.split("\n").filter((l) => l.includes(secret)).join("\n")}`);
    }
    // JSON escapes non-ASCII only when asked to; also rule out \\u-escaped Chinese.
    const escaped = [...NAME].map((c) => `\\u${c.charCodeAt(0).toString(16)}`).join('');
    assert.ok(!written.toLowerCase().includes(escaped), 'escaped name in logs');
    assert.ok(lines().every((l) => typeof l.level === 'number' && typeof l.time === 'number'), 'every line is structured JSON');
  });

  it('GET /api/health/live answers without the database; /api/health/ready checks the database and migrations', async () => {
    const live = await s.api('GET', '/api/health/live');
    assert.equal(live.status, 200);
    assert.equal(live.body.status, 'ok');
    const ready = await s.api('GET', '/api/health/ready');
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.migrations, 'applied');
    assert.match(ready.body.latestMigration, /^\d{4}_/);

    // The newest migration missing (an older binary's database): not ready, and it says why.
    const db = s.deps.database.db;
    const [newest] = await queryRows<{ id: number; hash: string; created_at: string }>(db, sql`SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`);
    await db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = ${newest!.id}`);
    try {
      const pending = await s.api('GET', '/api/health/ready');
      assert.equal(pending.status, 503);
      assert.equal(pending.body.error.code, 'SERVICE_UNAVAILABLE');
      assert.equal(pending.body.error.details.migrations, 'pending');
      assert.equal((await s.api('GET', '/api/health/live')).status, 200, 'still alive');
    } finally {
      await db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES (${newest!.id}, ${newest!.hash}, ${newest!.created_at})`);
    }
    assert.equal((await s.api('GET', '/api/health/ready')).status, 200);

    const down = { ...s.deps, database: { ...s.deps.database, db: { execute: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) } } } as unknown as Deps;
    assert.deepEqual(await checkReadiness(down).then((r) => [r.ready, r.database]), [false, 'unreachable']);
  });

  it('GET /metrics speaks the Prometheus text format: requests by route pattern and status class, latency, jobs, open and overdue appeals', async () => {
    const created = await s.api('POST', '/api/appeals', { token: agent, body: intakeBody({ title: '指标: 第二件' }) });
    await s.api('GET', `/api/appeals/${created.body.id}`, { token: agent });
    // Dispatched: the sign-for clock runs (2 working hours); a week later it is overdue.
    await s.api('POST', `/api/appeals/${created.body.id}/transitions`, { token: agent, body: { action: 'accept' } });
    const dispatched = await s.api('POST', `/api/appeals/${created.body.id}/transitions`, { token: await s.login('dispatcher'), body: { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') } });
    assert.equal(dispatched.status, 200, JSON.stringify(dispatched.body));
    s.clock.now = new Date(s.clock.now.getTime() + 7 * 86_400_000);
    await new Worker(s.deps).tick();
    const res = await s.api('GET', '/metrics');
    assert.equal(res.status, 200, String(res.body));
    assert.match(res.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
    const text = String(res.body);
    assert.match(text, /^# TYPE minsheng_http_requests_total counter$/m);
    assert.match(text, /^minsheng_http_requests_total\{method="POST",route="\/api\/appeals",status_class="2xx"\} [1-9]\d*$/m);
    assert.match(text, /^minsheng_http_requests_total\{method="POST",route="\/api\/appeals",status_class="4xx"\} [1-9]\d*$/m);
    assert.match(text, /^minsheng_http_requests_total\{method="GET",route="\/api\/appeals\/:id",status_class="2xx"\} 1$/m, 'the pattern, never the id');
    assert.match(text, /^minsheng_http_requests_total\{method="GET",route="unmatched",status_class="4xx"\} \d+$/m);
    assert.ok(!text.includes(created.body.id) && !text.includes(PHONE), 'no ids or personal data in labels');
    assert.match(text, /^minsheng_http_request_duration_seconds_bucket\{method="POST",route="\/api\/appeals",status_class="2xx",le="0\.1"\} \d+$/m);
    assert.match(text, /^minsheng_http_request_duration_seconds_bucket\{method="POST",route="\/api\/appeals",status_class="2xx",le="\+Inf"\} [1-9]\d*$/m);
    assert.match(text, /^minsheng_http_request_duration_seconds_count\{method="POST",route="\/api\/appeals",status_class="2xx"\} [1-9]\d*$/m);
    assert.match(text, /^minsheng_job_runs_total\{kind="deadline_sweep"\} [1-9]\d*$/m);
    assert.match(text, /^minsheng_appeals_open\{jurisdiction="370812"\} 2$/m);
    assert.match(text, /^minsheng_appeals_overdue\{jurisdiction="370812"\} 1$/m);
    // Every sample line is `name{labels} number`.
    for (const line of text.trim().split('\n').filter((l) => !l.startsWith('#'))) assert.match(line, /^[a-z_]+(\{[^}]*\})? -?[\d.e+-]+$/, line);
  });

  it('/metrics is not for the public: a proxied request is refused; with MINSHENG_METRICS_TOKEN only the bearer may read', async () => {
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const res = await s.api('GET', '/metrics', { headers: { [header]: '203.0.113.7' } });
      assert.equal(res.status, 404, header);
      assert.equal(res.body.error.code, 'NOT_FOUND');
    }
    const saved = s.deps.config.metricsToken;
    s.deps.config.metricsToken = 'metrics-token-0123456789';
    try {
      assert.equal((await s.api('GET', '/metrics')).status, 401, 'loopback alone is not enough once a token is set');
      assert.equal((await s.api('GET', '/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).body.error.code, 'UNAUTHENTICATED');
      const ok = await s.api('GET', '/metrics', { headers: { authorization: 'Bearer metrics-token-0123456789', 'x-forwarded-for': '203.0.113.7' } });
      assert.equal(ok.status, 200);
    } finally {
      s.deps.config.metricsToken = saved;
    }
  });
});
