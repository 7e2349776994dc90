/** Shared factories for the domain tests: a unit tree, actors, appeal snapshots, a calendar and a policy. */
import assert from 'node:assert/strict';
import type { AppealAction, AppealStatus, ErrorCode, Role } from '@minsheng/contracts';
import { createWorkCalendar, decide, DEFAULT_HOTLINE_POLICIES } from '../src';
import type {
  Actor, AppealSnapshot, CallbackRecord, ClockState, CommandInput, DecideContext, DecideResult, Decision, Grant, PolicyClocks,
} from '../src';

/**
 * centre ─┬─ dept-a ── dept-a-sub
 *         ├─ street-1 ── station-1
 *         └─ dept-b
 */
export const UNIT_PATHS = {
  centre: ['centre'],
  'dept-a': ['centre', 'dept-a'],
  'dept-a-sub': ['centre', 'dept-a', 'dept-a-sub'],
  'street-1': ['centre', 'street-1'],
  'station-1': ['centre', 'street-1', 'station-1'],
  'dept-b': ['centre', 'dept-b'],
} as const satisfies Record<string, readonly string[]>;
export type UnitId = keyof typeof UNIT_PATHS;

export const grant = (role: Role, unitId: UnitId): Grant => ({ role, unitId, unitPath: UNIT_PATHS[unitId] });

/** An actor holding each of `roles` at `unitId`. */
export const actorWith = (roles: readonly Role[], unitId: UnitId, userId = `u-${unitId}`): Actor => ({
  userId, grants: roles.map((r) => grant(r, unitId)),
});
export const actorOf = (role: Role, unitId: UnitId, userId = `${role}@${unitId}`): Actor => actorWith([role], unitId, userId);

export const calendar = createWorkCalendar();

const complaintRow = DEFAULT_HOTLINE_POLICIES.find((p) => p.kind === 'complaint');
assert.ok(complaintRow, 'the default policies have a complaint row');
export const complaintClocks: PolicyClocks = complaintRow.clocks;

/** Monday 2026-11-23, 10:00 Beijing time: a plain working day with no holiday for weeks around it. */
export const NOW = new Date('2026-11-23T10:00:00+08:00');
export const at = (iso: string): Date => new Date(iso);

export const ctx = (now: Date = NOW, policy: PolicyClocks = complaintClocks): DecideContext => ({ now, calendar, policy });

export function appeal(overrides: Partial<AppealSnapshot> = {}): AppealSnapshot {
  return {
    id: 'ap-1', track: 'hotline', kind: 'complaint', urgency: 'normal', status: 'registered', priorStatus: null,
    ownerUnitId: 'centre', leadUnitId: null, coUnitIds: [], accusedUnitId: null,
    redoCount: 0, returnCount: 0, unitsPassed: 0, urgeCount: 0, escalated: false,
    pending: null, reply: null, callback: null, clocks: [], unitPaths: UNIT_PATHS,
    ...overrides,
  };
}

export const callbackRecord = (satisfaction: CallbackRecord['satisfaction'] = 'satisfied'): CallbackRecord => ({
  satisfaction, contacted: true, solved: satisfaction !== 'dissatisfied' && satisfaction !== 'very_dissatisfied',
  comment: null, by: 'cb', at: NOW.toISOString(),
});

/** States in which an appeal has a lead unit. */
export const LEAD_STATES: readonly AppealStatus[] = ['dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback'];

/** A snapshot in `status` carrying what that state implies, plus what `action` needs to be decidable. */
export function snapshotFor(status: AppealStatus, action: AppealAction, overrides: Partial<AppealSnapshot> = {}): AppealSnapshot {
  return appeal({
    status,
    leadUnitId: LEAD_STATES.includes(status) ? 'dept-a' : null,
    unitsPassed: LEAD_STATES.includes(status) ? 1 : 0,
    priorStatus: status === 'return_requested' || status === 'suspended' ? 'handling' : null,
    pending: action === 'approve_extension' || action === 'reject_extension'
      ? { type: 'extension', days: 2, reason: 'site survey', requestedBy: 'h', requestedAt: NOW.toISOString() } : null,
    reply: status === 'reply_review' || status === 'callback' ? { text: 'fixed', result: 'solved', by: 'h', at: NOW.toISOString() } : null,
    callback: status === 'callback' ? callbackRecord() : null,
    ...overrides,
  });
}

/** Input satisfying every `requires` field of every action. */
export function fullInput(action: AppealAction): CommandInput {
  return {
    reason: 'because', answer: 'the answer', line: '110', route: 'litigation', masterId: 'other',
    leadUnitId: action === 'sub_dispatch' ? 'dept-a-sub' : 'dept-a', days: 1,
    reply: { text: 'done', result: 'solved' }, satisfaction: 'satisfied', contacted: true, solved: true,
  };
}

/** The snapshot after a decision: new status, patched fields, changed clocks replaced by name. */
export function apply(s: AppealSnapshot, d: Decision): AppealSnapshot {
  const { outcome: _outcome, closedAt: _closedAt, ...fields } = d.patch;
  const clocks: ClockState[] = s.clocks.filter((c) => !d.clocks.some((n) => n.clock === c.clock));
  return { ...s, ...fields, status: d.to, clocks: [...clocks, ...d.clocks] };
}

export function expectOk(r: DecideResult): Decision {
  if (!r.ok) assert.fail(`expected success, got ${r.code}: ${r.message} ${JSON.stringify(r.details ?? {})}`);
  return r.decision;
}

export function expectFail(r: DecideResult, code: ErrorCode): Record<string, unknown> {
  if (r.ok) assert.fail(`expected ${code}, but ${r.decision.event.action} succeeded (${r.decision.from} → ${r.decision.to})`);
  assert.equal(r.code, code, r.message);
  return r.details ?? {};
}

/** Decide and apply in one go, asserting success; returns the next snapshot and the decision. */
export function step(s: AppealSnapshot, action: AppealAction, actor: Actor, input: CommandInput, now: Date, policy: PolicyClocks = complaintClocks): { s: AppealSnapshot; d: Decision } {
  const d = expectOk(decide(s, { action, input }, actor, ctx(now, policy)));
  return { s: apply(s, d), d };
}

export const clockOf = (s: AppealSnapshot, name: ClockState['clock']): ClockState => {
  const c = s.clocks.find((k) => k.clock === name);
  assert.ok(c, `clock ${name} exists`);
  return c;
};

/** Compare instants by ISO string so failures print readable times. */
export const sameInstant = (actual: Date | null | undefined, expectedIso: string, msg?: string): void =>
  assert.equal(actual?.toISOString(), new Date(expectedIso).toISOString(), msg);

// Actors of the happy path.
export const agent = actorOf('agent', 'centre');
export const dispatcher = actorOf('dispatcher', 'centre');
export const handler = actorOf('handler', 'dept-a');
export const leaderA = actorOf('unit_leader', 'dept-a');
export const callbackAgent = actorOf('callback', 'centre');
export const supervisor = actorOf('supervisor', 'centre');
