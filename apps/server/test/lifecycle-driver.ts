import assert from 'node:assert/strict';
import { intakeBody } from './harness';
import type { TestServer } from './harness';

/** The demo users a lifecycle walk acts as; all of them are signed in together. */
export const LIFECYCLE_USERS = ['agent', 'dispatcher', 'supervisor', 'callback', 'leader', 'admin', 'zhujian.handler', 'zhujian.leader', 'chengguan.handler', 'chengguan.leader'] as const;

/** Sessions last 12 hours (see startTestServer); signing in again after half of that keeps every token valid. */
const SIGN_IN_AGAIN_AFTER_MS = 6 * 3_600_000;

export interface LifecycleDriver {
  /** Session token by demo username; refreshed by signIn and by at. */
  t: Record<string, string>;
  /** Appeal id by the name a test gave it at intake. */
  id: Record<string, string>;
  /** Sign every lifecycle user in at the current simulated time. */
  signIn: () => Promise<void>;
  /** Move the clock to a local (UTC+8) time; signs everyone in again when the last sign-in is far from it. */
  at: (local: string) => Promise<void>;
  /** Post a transition as a user and expect it to succeed; returns the appeal as it is after. */
  act: (user: string, appeal: string, body: Record<string, unknown>) => Promise<any>;
  /** Register an appeal as the agent under a name; returns the new appeal. */
  intake: (name: string, overrides?: Record<string, unknown>) => Promise<any>;
  /** Take a signed appeal of a unit through contact, reply, approval, callback and closing. */
  solve: (name: string, unit: 'zhujian' | 'chengguan', satisfaction?: string) => Promise<void>;
}

/**
 * Walks named appeals through the lifecycle over real HTTP, for tests that build a history and then assert
 * figures over it. The server is passed as a getter because test files start it in `before`, after the driver
 * is made at describe time.
 */
export function lifecycleDriver(server: () => TestServer): LifecycleDriver {
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let signedInAt: number | undefined;

  async function signIn() {
    const s = server();
    for (const u of LIFECYCLE_USERS) t[u] = await s.login(u);
    signedInAt = s.clock.now.getTime();
  }

  async function at(local: string) {
    const s = server();
    s.clock.now = new Date(`${local}+08:00`);
    if (signedInAt === undefined || Math.abs(s.clock.now.getTime() - signedInAt) > SIGN_IN_AGAIN_AFTER_MS) await signIn();
  }

  async function act(user: string, appeal: string, body: Record<string, unknown>) {
    const res = await server().api('POST', `/api/appeals/${id[appeal]}/transitions`, { token: t[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)} ${appeal}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function intake(name: string, overrides: Record<string, unknown> = {}) {
    const res = await server().api('POST', '/api/appeals', { token: t.agent, body: intakeBody(overrides) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    id[name] = res.body.id;
    return res.body;
  }

  async function solve(name: string, unit: 'zhujian' | 'chengguan', satisfaction = 'satisfied') {
    await act(`${unit}.handler`, name, { action: 'record_contact' });
    await act(`${unit}.handler`, name, { action: 'reply', reply: { text: '已处理完毕。', result: 'solved' } });
    await act(`${unit}.leader`, name, { action: 'approve_reply' });
    await act('callback', name, { action: 'callback', satisfaction, contacted: true, solved: true });
    await act('callback', name, { action: 'close' });
  }

  return { t, id, signIn, at, act, intake, solve };
}
