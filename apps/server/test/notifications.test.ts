import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { closedPort, startHttpSink, startSmtpSink } from './outbound-sinks';
import type { HttpSink } from './outbound-sinks';
import { Worker } from '../src/jobs/worker';
import { createOutbound } from '../src/modules/notifications/outbound';
import { deliverNotifications } from '../src/modules/notifications/use-cases/deliver-notifications';

/**
 * Issue 3 §9: notifications leave the outbox through real adapters — an SMS gateway webhook (a local HTTP server),
 * SMTP (a local smtp-server) and the log adapter — retried with back-off as the clock moves, never sent twice, and
 * visible to administrators. Personal data never reaches a log line or an error column.
 */
const JID = '370812';
const PHONE = '13905371234';
const MASKED = '139****1234';

describe('notification delivery', () => {
  let s: TestServer;
  let gateway: HttpSink;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let worker: Worker;
  const logLines: string[] = [];
  const tokens: Record<string, string> = {};

  /** Point the adapters somewhere: SMS to a URL (or the log), e-mail to the SMTP sink; the log adapter is captured. */
  function configure(smsWebhookUrl: string | undefined) {
    s.deps.outbound = createOutbound({ ...s.deps.config.notify, smsWebhookUrl, smtpUrl: smtp.url, smtpFrom: 'hotline@yanzhou.example.gov.cn' }, { log: (e) => logLines.push(JSON.stringify(e)) });
  }
  /** One worker tick in a fresh 10-second slot (the delivery job is scheduled once per slot). */
  async function tick(advanceMs = 10_000) {
    s.clock.now = new Date(s.clock.now.getTime() + advanceMs);
    return worker.tick();
  }
  async function register(overrides: Record<string, unknown> = {}) {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody(overrides) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; number: string; queryCode: string };
  }
  async function act(user: string, id: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
  }
  const outbox = async (query = '', user = 'admin') => {
    const res = await s.api('GET', `/api/admin/notifications${query}`, { token: tokens[user] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items as any[];
  };
  const smsFor = (queryCode: string) => gateway.calls.filter((c) => String(c.json?.text).includes(queryCode));

  before(async () => {
    s = await startTestServer();
    gateway = await startHttpSink();
    smtp = await startSmtpSink();
    worker = new Worker(s.deps, 60_000);
    for (const u of ['agent', 'dispatcher', 'admin', 'supervisor', 'zhujian.handler']) tokens[u] = await s.login(u);
    configure(`${gateway.url}/sms`);
    await queryRows(s.deps.database.db, sql`UPDATE units SET email = 'zhujian@yanzhou.example.gov.cn' WHERE jurisdiction_id = ${JID} AND id = ${s.unit('dept-zhujian')}`);
  });
  after(async () => { await s.close(); await gateway.close(); await smtp.close(); });

  it('an intake with a phone number sends the citizen an SMS with the number and query code through the gateway', async () => {
    const appeal = await register();
    assert.equal(gateway.calls.length, 0, 'nothing is sent inside the request');
    await tick();
    const [call, ...more] = smsFor(appeal.queryCode);
    assert.equal(more.length, 0);
    assert.equal(call!.path, '/sms');
    assert.equal(call!.json.to, PHONE);
    assert.match(call!.json.text, /^您的诉求已受理，编号/);
    assert.ok(call!.json.text.includes(appeal.number) && call!.json.text.includes(`查询码${appeal.queryCode}`), call!.json.text);
    const [row] = await outbox(`?appealId=${appeal.id}`);
    assert.equal(row.status, 'sent');
    assert.equal(row.template, 'appeal_registered');
    assert.deepEqual(row.recipient, { phone: MASKED });
    assert.equal(row.attempts, 1);
  });

  it('dispatching e-mails the lead unit through SMTP; a unit without an address gets the log adapter', async () => {
    const appeal = await register({ citizen: { name: '李四' } }); // no phone: no SMS
    await act('agent', appeal.id, { action: 'accept' });
    await act('dispatcher', appeal.id, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), coUnitIds: [s.unit('dept-chengguan')] });
    await tick();
    const mails = smtp.mails.filter((m) => m.subject.includes(appeal.number));
    assert.equal(mails.length, 1, JSON.stringify(smtp.mails.map((m) => m.subject)));
    assert.deepEqual(mails[0]!.to, ['zhujian@yanzhou.example.gov.cn']);
    assert.equal(mails[0]!.from, 'hotline@yanzhou.example.gov.cn');
    assert.match(mails[0]!.subject, /^【新工单】/);
    assert.ok(mails[0]!.text.includes('贵单位收到一件新诉求') && mails[0]!.text.includes(appeal.number), mails[0]!.text);
    const rows = await outbox(`?appealId=${appeal.id}`);
    assert.deepEqual(rows.map((r) => [r.template, r.recipient.unitId, r.status]).sort(), [
      ['unit_assigned', s.unit('dept-chengguan'), 'sent'], ['unit_assigned', s.unit('dept-zhujian'), 'sent'],
    ].sort());
    const logged = logLines.map((l) => JSON.parse(l)).filter((e) => e.appealId === appeal.id);
    assert.deepEqual(logged.map((e) => [e.template, e.to]), [['unit_assigned', `unit:${s.unit('dept-chengguan')}`]]);
  });

  let failing: { id: string; queryCode: string; notificationId: string };
  it('a gateway answering 500 is retried after 1 minute, then 2, and the row fails after the last attempt', async () => {
    s.deps.config.notify.maxAttempts = 3;
    gateway.status = 500;
    const appeal = await register();
    await tick();
    assert.equal(smsFor(appeal.queryCode).length, 1);
    let [row] = await outbox(`?appealId=${appeal.id}`);
    failing = { ...appeal, notificationId: row.id };
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    assert.match(row.lastError, /HTTP 500/);
    assert.equal(row.nextAttemptAt, new Date(s.clock.now.getTime() + 60_000).toISOString());

    await tick(30_000); // not due yet
    assert.equal(smsFor(appeal.queryCode).length, 1, 'retried before its time');
    await tick(30_000); // 1 minute after the failure
    assert.equal(smsFor(appeal.queryCode).length, 2);
    [row] = await outbox(`?appealId=${appeal.id}`);
    assert.equal(row.attempts, 2);
    assert.equal(row.nextAttemptAt, new Date(s.clock.now.getTime() + 120_000).toISOString(), 'the second wait doubles');

    await tick(60_000);
    assert.equal(smsFor(appeal.queryCode).length, 2, 'retried before its time');
    await tick(60_000);
    assert.equal(smsFor(appeal.queryCode).length, 3);
    [row] = await outbox(`?appealId=${appeal.id}`);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.equal(row.nextAttemptAt, null);
    await tick(30 * 60_000);
    assert.equal(smsFor(appeal.queryCode).length, 3, 'a failed notification is not retried by itself');
  });

  it('failed notifications are listed for administrators and supervisors, without the phone number', async () => {
    for (const user of ['admin', 'supervisor']) {
      const res = await s.api('GET', '/api/admin/notifications?status=failed', { token: tokens[user] });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((r: any) => r.id), [failing.notificationId]);
      assert.ok(!JSON.stringify(res.body).includes(PHONE));
      assert.ok(!JSON.stringify(res.body).includes(failing.queryCode), 'message parameters are not shown');
    }
    assert.equal((await s.api('GET', '/api/admin/notifications', { token: tokens['zhujian.handler'] })).status, 403);
    assert.equal((await s.api('GET', '/api/admin/notifications')).status, 401);
    assert.equal((await s.api('GET', '/api/admin/notifications?status=lost', { token: tokens.admin })).status, 400);
    const sent = await outbox('?status=sent');
    assert.ok(sent.length >= 3 && sent.every((r) => r.status === 'sent'));
  });

  it('a refused connection is retried too, and its error names no one', async () => {
    configure(`http://127.0.0.1:${await closedPort()}/sms`);
    const appeal = await register();
    await tick();
    const [row] = await outbox(`?appealId=${appeal.id}`);
    assert.equal(row.status, 'queued');
    assert.match(row.lastError, /ECONNREFUSED/);
    const [stored] = await queryRows<{ last_error: string }>(s.deps.database.db, sql`SELECT last_error FROM notifications WHERE jurisdiction_id = ${JID} AND last_error IS NOT NULL AND last_error LIKE ${'%' + PHONE + '%'}`);
    assert.equal(stored, undefined);
    configure(`${gateway.url}/sms`);
  });

  it('the retry endpoint requeues a failed notification, which then goes out', async () => {
    gateway.status = 200;
    const res = await s.api('POST', `/api/admin/notifications/${failing.notificationId}/retry`, { token: tokens.admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'queued');
    assert.equal(res.body.attempts, 0);
    await tick();
    assert.equal(smsFor(failing.queryCode).length, 4);
    const [row] = await outbox(`?appealId=${failing.id}`);
    assert.equal(row.status, 'sent');
    const again = await s.api('POST', `/api/admin/notifications/${failing.notificationId}/retry`, { token: tokens.admin });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ILLEGAL_TRANSITION');
    assert.equal((await s.api('POST', '/api/admin/notifications/00000000-0000-7000-8000-000000000000/retry', { token: tokens.admin })).body.error.code, 'NOT_FOUND');
    assert.equal((await s.api('POST', `/api/admin/notifications/${failing.notificationId}/retry`, { token: tokens['zhujian.handler'] })).status, 403);
  });

  it('two deliveries running at once send every message exactly once', async () => {
    const appeals = [];
    for (let i = 0; i < 6; i++) appeals.push(await register());
    s.clock.now = new Date(s.clock.now.getTime() + 1_000);
    const totals = await Promise.all([deliverNotifications(s.deps, JID), deliverNotifications(s.deps, JID), deliverNotifications(s.deps, JID)]);
    assert.equal(totals.reduce((n, t) => n + t.sent, 0), 6, JSON.stringify(totals));
    for (const a of appeals) assert.equal(smsFor(a.queryCode).length, 1, `${a.number} sent ${smsFor(a.queryCode).length} times`);
  });

  it('the default log adapter writes template, appeal and a masked number, never the phone number or the text', async () => {
    s.deps.outbound = createOutbound({ ...s.deps.config.notify, smsWebhookUrl: undefined, smtpUrl: undefined });
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    let appeal: { id: string; queryCode: string };
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => { written.push(String(chunk)); return (write as (...a: unknown[]) => boolean)(chunk, ...rest); }) as typeof process.stdout.write;
    try {
      appeal = await register();
      await tick();
    } finally {
      process.stdout.write = write;
    }
    const output = written.join('');
    assert.ok(!output.includes(PHONE), 'a phone number was logged');
    assert.ok(!output.includes(appeal.queryCode), 'the message text was logged');
    const line = written.map((w) => { try { return JSON.parse(w); } catch { return null; } }).find((e) => e?.appealId === appeal.id);
    assert.ok(line, output);
    assert.equal(line.template, 'appeal_registered');
    assert.equal(line.to, MASKED);
    const [row] = await outbox(`?appealId=${appeal.id}`);
    assert.equal(row.status, 'sent');
  });
});
