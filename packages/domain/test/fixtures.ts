/** Shared factories for the domain tests: a unit tree, actors, appeal snapshots per track, calendars and policies. */
import assert from 'node:assert/strict';
import { RESULTS_BY_TRACK } from '@minsheng/contracts';
import type { AppealAction, AppealStatus, ErrorCode, Role, Track } from '@minsheng/contracts';
import {
  createWorkCalendar, decide, DEFAULT_HOTLINE_POLICIES, DEFAULT_PETITION_POLICIES, DEFAULT_PROPOSAL_POLICIES, tableFor,
} from '../src';
import type {
  Actor, AppealSnapshot, CallbackRecord, ClockState, CommandInput, DecideContext, DecideResult, Decision, Grant, MasterFacts, PolicyClocks,
  ReplyRecord, TransitionRule,
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
/** The system user: a supervisor at the root unit (sweeps, 并单 propagation, 通报). */
export const systemActor = actorOf('supervisor', 'centre', 'system');

export const calendar = createWorkCalendar();

const complaintRow = DEFAULT_HOTLINE_POLICIES.find((p) => p.kind === 'complaint');
assert.ok(complaintRow, 'the default policies have a complaint row');
export const complaintClocks: PolicyClocks = complaintRow.clocks;
export const petitionClocks: PolicyClocks = DEFAULT_PETITION_POLICIES[0]!.clocks;
export const proposalClocks: PolicyClocks = DEFAULT_PROPOSAL_POLICIES[0]!.clocks;
/** The default policy each track's tests run under. */
export const POLICY: Readonly<Record<Track, PolicyClocks>> = { hotline: complaintClocks, petition: petitionClocks, proposal: proposalClocks };

/** Monday 2026-11-23, 10:00 Beijing time: a plain working day with no holiday for weeks around it. */
export const NOW = new Date('2026-11-23T10:00:00+08:00');
export const at = (iso: string): Date => new Date(iso);
export const DAY = 86_400_000;

export const ctx = (now: Date = NOW, policy: PolicyClocks = complaintClocks): DecideContext => ({ now, calendar, policy });
export const ctxFor = (track: Track, now: Date = NOW): DecideContext => ctx(now, POLICY[track]);

export function appeal(overrides: Partial<AppealSnapshot> = {}): AppealSnapshot {
  return {
    id: 'ap-1', track: 'hotline', kind: 'complaint', urgency: 'normal', status: 'registered', priorStatus: null,
    ownerUnitId: 'centre', leadUnitId: null, coUnitIds: [], accusedUnitId: null,
    redoCount: 0, returnCount: 0, unitsPassed: 0, urgeCount: 0, extendedDays: 0, escalated: false,
    pending: null, reply: null, callback: null, coOpinions: [], master: null, clocks: [], unitPaths: UNIT_PATHS,
    ...overrides,
  };
}

export const callbackRecord = (satisfaction: CallbackRecord['satisfaction'] = 'satisfied'): CallbackRecord => ({
  satisfaction, contacted: true, solved: satisfaction !== 'dissatisfied' && satisfaction !== 'very_dissatisfied',
  comment: null, by: 'cb', at: NOW.toISOString(),
});

export const replyRecord = (track: Track = 'hotline', text = 'fixed'): ReplyRecord =>
  ({ text, result: RESULTS_BY_TRACK[track][0]!, by: 'h', at: NOW.toISOString() });

/** States in which an appeal has a lead unit, per track. */
export const LEAD_STATES_BY_TRACK: Readonly<Record<Track, readonly AppealStatus[]>> = {
  hotline: ['dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback'],
  petition: ['dispatched', 'handling', 'return_requested', 'reply_review', 'answered', 'under_review', 'reviewed', 'under_rereview'],
  proposal: ['handling', 'return_requested', 'reply_review', 'answered'],
};
export const LEAD_STATES = LEAD_STATES_BY_TRACK.hotline;

/** Where each track's detours (退单, 挂起) begin, so that `prior` rules have somewhere to return to. */
const PRIOR_BY_TRACK: Readonly<Record<Track, Partial<Record<AppealStatus, AppealStatus>>>> = {
  hotline: { return_requested: 'handling', suspended: 'handling' },
  petition: { return_requested: 'dispatched' },
  proposal: { return_requested: 'handling' },
};

/** States that carry a written reply. */
const REPLIED: readonly AppealStatus[] = ['reply_review', 'callback', 'answered', 'under_review', 'reviewed', 'under_rereview'];

export const ruleOf = (track: Track, action: AppealAction, from?: AppealStatus): TransitionRule => {
  const rule = tableFor(track).find((r) => r.action === action && (from === undefined || r.from.includes(from)));
  assert.ok(rule, `${track} has a rule for ${action}${from ? ` from ${from}` : ''}`);
  return rule;
};

/** A running clock started `daysAgo` calendar days before `now`, due per its duration. */
export function runningClock(clock: ClockState['clock'], amount: number, unit: ClockState['unit'], startedAt: Date): ClockState {
  return { clock, amount, unit, startedAt, dueAt: calendar.addDuration(startedAt, amount, unit), stoppedAt: null, pausedAt: null, pausedBudget: null };
}

/** What a merged appeal knows of its master; the master's units answer for the whole group. */
export const masterFacts = (overrides: Partial<MasterFacts> = {}): MasterFacts =>
  ({ id: 'm-1', status: 'handling', reply: null, leadUnitId: 'dept-a', coUnitIds: [], ...overrides });

/** The master a merged appeal needs for `action`: one not yet replied for unmerge, one the table lets it follow otherwise. */
function masterFor(track: Track, action: AppealAction): MasterFacts {
  if (action !== 'follow_master') return masterFacts();
  return masterFacts({ status: ruleOf(track, 'follow_master').alt![0]!, reply: replyRecord(track, 'master reply') });
}

/** A snapshot in `status` of `track` carrying what that state implies, plus what `action` needs to be decidable. */
export function snapshotFor(status: AppealStatus, action: AppealAction, overrides: Partial<AppealSnapshot> = {}, track: Track = 'hotline'): AppealSnapshot {
  const hasLead = LEAD_STATES_BY_TRACK[track].includes(status);
  const windowOpen = track === 'petition' && (status === 'answered' || status === 'reviewed');
  return appeal({
    track,
    status,
    leadUnitId: hasLead ? 'dept-a' : null,
    coUnitIds: hasLead && action === 'co_opinion' ? ['station-1'] : [],
    unitsPassed: hasLead ? 1 : 0,
    priorStatus: PRIOR_BY_TRACK[track][status] ?? null,
    pending: action === 'approve_extension' || action === 'reject_extension'
      ? { type: 'extension', days: 2, reason: 'site survey', requestedBy: 'h', requestedAt: NOW.toISOString() } : null,
    reply: REPLIED.includes(status) ? replyRecord(track) : null,
    callback: status === 'callback' ? callbackRecord() : null,
    master: status === 'merged' ? masterFor(track, action) : null,
    // 复查/复核 can be asked for only while the 30-day window after the reply is open.
    clocks: windowOpen ? [runningClock('review_window', 30, 'calendar_days', new Date(NOW.getTime() - DAY))] : [],
    ...overrides,
  });
}

/** Input satisfying every `requires` field of every action of `track`. */
export function fullInput(action: AppealAction, track: Track = 'hotline'): CommandInput {
  const leadUnitId = action === 'sub_dispatch' ? 'dept-a-sub'
    : action === 'request_review' || action === 'request_rereview' ? 'dept-b'
      // Escalation names an upper unit only when one takes over; plain 提级 flags the appeal.
      : action === 'escalate' ? undefined : 'dept-a';
  return {
    reason: 'because', answer: 'the answer', line: '110', route: 'litigation', masterId: 'other', categoryId: 'cat-other', leadUnitId, days: 1, meetingId: 'mtg-1',
    reply: { text: 'done', result: RESULTS_BY_TRACK[track][0]! }, satisfaction: 'satisfied', contacted: true, solved: true,
  };
}

/** The snapshot after a decision, as the server writes it: new status, patched fields, changed clocks replaced by name. */
export function apply(s: AppealSnapshot, d: Decision): AppealSnapshot {
  const { outcome: _outcome, closedAt: _closedAt, masterId, ...fields } = d.patch;
  const clocks: ClockState[] = s.clocks.filter((c) => !d.clocks.some((n) => n.clock === c.clock));
  const master = masterId === undefined ? s.master : masterId === null ? null : masterFacts({ id: masterId, leadUnitId: null });
  return { ...s, ...fields, master, status: d.to, clocks: [...clocks, ...d.clocks] };
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

/** Decide and apply in one go, asserting success; the policy is the snapshot's track default unless given. */
export function step(s: AppealSnapshot, action: AppealAction, actor: Actor, input: CommandInput, now: Date, policy: PolicyClocks = POLICY[s.track]): { s: AppealSnapshot; d: Decision } {
  const d = expectOk(decide(s, { action, input }, actor, ctx(now, policy)));
  return { s: apply(s, d), d };
}

/** Decide under the snapshot's track default policy, without asserting. */
export const attemptOn = (s: AppealSnapshot, action: AppealAction, actor: Actor, input: CommandInput = {}, now: Date = NOW): DecideResult =>
  decide(s, { action, input }, actor, ctxFor(s.track, now));

export const clockOf = (s: AppealSnapshot, name: ClockState['clock']): ClockState => {
  const c = s.clocks.find((k) => k.clock === name);
  assert.ok(c, `clock ${name} exists`);
  return c;
};
export const runningClocks = (s: AppealSnapshot): string[] => s.clocks.filter((c) => c.stoppedAt === null).map((c) => c.clock).sort();

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
