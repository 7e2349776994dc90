// The data the read benchmark reads: BENCH_SEED appeals registered through the API (the demo's fictional appeal
// texts, each from its own citizen, spread over the county's streets), a share of them accepted and dispatched to
// the demo units whose handlers log in, so each unit's inbox (承办) has rows. Everything goes through the product's
// own routes, so indexes, search columns and encrypted personal data are what production would hold.
import { performance } from 'node:perf_hooks';
import { DEMO_APPEAL_TEMPLATES } from '@minsheng/db/demo';
import { BASE_BODY } from './load';
import type { Server } from './server';
import { loginAs } from './server';

/** The demo units with a handler account (users.ts), by handler username. */
export const INBOX_HANDLERS = ['zhujian.handler', 'chengguan.handler', 'huanjing.handler', 'gulou.handler', 'xinyi.handler'] as const;

export interface SeededAppeal { id: string; number: string; queryCode: string }
export interface Seeded {
  appeals: SeededAppeal[];
  /** Per inbox handler: their token and how many appeals wait in their unit's 待签收 tab. */
  inboxes: { username: string; token: string; unitId: string; dispatched: number }[];
}

interface Answer<T> { status: number; body: T }

export async function call<T = unknown>(server: Server, token: string | null, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method, signal: AbortSignal.timeout(30_000),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON: kept as text for the error */ }
  return { status: res.status, body: parsed as T };
}

async function expectOk<T>(what: string, answer: Promise<Answer<T>>): Promise<T> {
  const a = await answer;
  if (a.status < 200 || a.status > 299) throw new Error(`${what}: HTTP ${a.status} ${JSON.stringify(a.body).slice(0, 400)}`);
  return a.body;
}

/** Run `fn` for 0..n-1 with at most `width` at a time. */
async function pool(n: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, n) }, async () => {
    while (next < n) await fn(next++);
  }));
}

/** The i-th seeded intake: a demo template's text, a distinct citizen, the template's street. */
function seedBody(i: number) {
  const t = DEMO_APPEAL_TEMPLATES[i % DEMO_APPEAL_TEMPLATES.length]!;
  return {
    channel: t.channel, kind: t.kind, urgency: t.urgency, title: t.title, content: t.content, areaCode: t.streetCode,
    citizen: { ...BASE_BODY.citizen, phone: `138${String(i).padStart(8, '0')}` },
  };
}

/** Register `count` appeals and dispatch every `1/share`-th of them, round robin over INBOX_HANDLERS' units. */
export async function seedAppeals(server: Server, count: number, dispatchShare: number): Promise<Seeded> {
  const agent = await loginAs(server, 'agent');
  const dispatcher = await loginAs(server, 'dispatcher');
  const inboxes = await Promise.all(INBOX_HANDLERS.map(async (username) => {
    const token = await loginAs(server, username);
    const me = await expectOk(`GET /api/auth/me as ${username}`, call<{ user: { roles: { unitId: string }[] } }>(server, token, 'GET', '/api/auth/me'));
    return { username, token, unitId: me.user.roles[0]!.unitId, dispatched: 0 };
  }));

  let t0 = performance.now();
  const appeals: (SeededAppeal & { version: number })[] = new Array(count);
  await pool(count, 16, async (i) => {
    const a = await expectOk('seed intake', call<SeededAppeal & { version: number }>(server, agent, 'POST', '/api/appeals', seedBody(i)));
    appeals[i] = { id: a.id, number: a.number, queryCode: a.queryCode, version: a.version };
  });
  console.log(`  seeded ${count} appeals through POST /api/appeals in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  t0 = performance.now();
  const chosen = appeals.filter((_, i) => i % Math.round(1 / dispatchShare) === 0);
  await pool(chosen.length, 16, async (k) => {
    const a = chosen[k]!;
    const inbox = inboxes[k % inboxes.length]!;
    const accepted = await expectOk('seed accept', call<{ version: number }>(server, agent, 'POST', `/api/appeals/${a.id}/transitions`, { action: 'accept', version: a.version }));
    await expectOk('seed dispatch', call(server, dispatcher, 'POST', `/api/appeals/${a.id}/transitions`, { action: 'dispatch', leadUnitId: inbox.unitId, version: accepted.version }));
    inbox.dispatched++;
  });
  console.log(`  accepted and dispatched ${chosen.length} of them to ${inboxes.map((b) => `${b.username} (${b.dispatched})`).join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { appeals, inboxes };
}

/**
 * Raise the portal's tracking limits (per IP, per number) through the admin settings the product offers, so a
 * benchmark from one loopback address measures the page, not the 429 of the abuse limit. The limit is still
 * counted on every request (the counter upserts stay in the measured path). Returns what was set, to print.
 */
export async function openTrackingLimits(server: Server): Promise<string> {
  const admin = await loginAs(server, 'admin');
  const wide = { limit: 100_000, windowMinutes: 1 };
  await expectOk('PUT /api/admin/settings', call(server, admin, 'PUT', '/api/admin/settings', { portal: { trackPerIp: wide, trackPerNumber: wide } }));
  return `portal.trackPerIp and trackPerNumber raised to ${wide.limit.toLocaleString('en')} per ${wide.windowMinutes} min (defaults 60/h per IP, 10/h per number) through PUT /api/admin/settings`;
}
