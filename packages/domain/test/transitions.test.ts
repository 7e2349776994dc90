import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { APPEAL_ACTIONS, APPEAL_STATUSES, ROLES, TERMINAL_STATUSES } from '@minsheng/contracts';
import type { AppealStatus } from '@minsheng/contracts';
import { actionsFrom, decide, findRule, HOTLINE_TRANSITIONS } from '../src';
import type { AppealSnapshot, CommandInput } from '../src';
import { actorWith, apply, at, ctx, expectFail, expectOk, fullInput, LEAD_STATES, NOW, snapshotFor } from './fixtures';

/** Holds every role at the root unit, so only the table (never the grant) can refuse. */
const everyone = actorWith(ROLES, 'centre', 'root-all');

describe('decide is exhaustive over actions × states', () => {
  for (const action of APPEAL_ACTIONS) {
    it(`${action}: succeeds exactly in the states the table lists, ILLEGAL_TRANSITION elsewhere`, () => {
      for (const status of APPEAL_STATUSES) {
        const rule = findRule(action, status);
        const result = decide(snapshotFor(status, action), { action, input: fullInput(action) }, everyone, ctx());
        if (rule) {
          const d = expectOk(result);
          const to = rule.to === 'same' ? status : rule.to === 'prior' ? 'handling' : rule.to;
          assert.equal(d.from, status);
          assert.equal(d.to, to, `${action} from ${status}`);
          assert.equal(d.event.action, action);
          assert.equal(d.event.visibility, rule.visibility);
        } else {
          const details = expectFail(result, 'ILLEGAL_TRANSITION');
          assert.equal(details.status, status, `${action} in ${status}`);
          assert.equal(details.action, action);
        }
      }
    });
  }
});

describe('the transition table', () => {
  it('has unique (action, from) pairs', () => {
    const seen = new Set<string>();
    for (const rule of HOTLINE_TRANSITIONS) {
      for (const from of rule.from) {
        const key = `${rule.action}/${from}`;
        assert.ok(!seen.has(key), `duplicate rule ${key}`);
        seen.add(key);
      }
    }
  });

  it('covers every action in APPEAL_ACTIONS and nothing else', () => {
    const inTable = new Set(HOTLINE_TRANSITIONS.map((r) => r.action));
    for (const action of APPEAL_ACTIONS) assert.ok(inTable.has(action), `${action} has no rule`);
    for (const action of inTable) assert.ok(APPEAL_ACTIONS.includes(action), `${action} is not a known action`);
  });

  it('names only known states, roles and input fields', () => {
    const inputFields: readonly (keyof CommandInput)[] = [
      'reason', 'answer', 'line', 'route', 'masterId', 'leadUnitId', 'coUnitIds', 'days', 'reply', 'satisfaction', 'contacted', 'solved', 'comment',
    ];
    for (const rule of HOTLINE_TRANSITIONS) {
      assert.ok(rule.from.length > 0, `${rule.action} has from-states`);
      for (const from of rule.from) assert.ok(APPEAL_STATUSES.includes(from), `${rule.action} from ${from}`);
      assert.ok(rule.to === 'same' || rule.to === 'prior' || APPEAL_STATUSES.includes(rule.to), `${rule.action} to ${rule.to}`);
      const roles = Object.keys(rule.who);
      assert.ok(roles.length > 0, `${rule.action} names who may do it`);
      for (const role of roles) assert.ok((ROLES as readonly string[]).includes(role), `${rule.action}: role ${role}`);
      for (const target of Object.values(rule.who)) assert.ok(['owner', 'lead', 'assigned'].includes(target), `${rule.action}: target ${target}`);
      for (const field of rule.requires) assert.ok(inputFields.includes(field), `${rule.action} requires ${field}`);
    }
  });

  it('gives every non-terminal state a way out', () => {
    for (const status of APPEAL_STATUSES) {
      if (TERMINAL_STATUSES.includes(status)) continue;
      const exits = HOTLINE_TRANSITIONS.filter((r) => r.from.includes(status) && r.to !== 'same');
      assert.ok(exits.length > 0, `${status} has no state-changing action`);
    }
  });

  it('leaves referred, rejected and merged with no action at all; closed only reopens or takes notes', () => {
    for (const status of ['referred', 'rejected', 'merged'] as const) assert.deepEqual(actionsFrom(status), [], status);
    assert.deepEqual(new Set(actionsFrom('closed')), new Set(['reopen', 'note']));
    assert.deepEqual(TERMINAL_STATUSES.filter((s) => s !== 'closed').flatMap((s) => actionsFrom(s)), []);
  });

  it('reaches every state from registered', () => {
    const seen = new Set<AppealStatus>(['registered']);
    const queue: AppealStatus[] = ['registered'];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const rule of HOTLINE_TRANSITIONS) {
        if (!rule.from.includes(s)) continue;
        // 'same' stays and 'prior' returns to a state the detour started from, which was reached before it.
        if (rule.to === 'same' || rule.to === 'prior') continue;
        if (!seen.has(rule.to)) { seen.add(rule.to); queue.push(rule.to); }
      }
    }
    for (const status of APPEAL_STATUSES) assert.ok(seen.has(status), `${status} is unreachable`);
  });

  it("routes every 'prior' rule only out of detour states that record where they began", () => {
    for (const rule of HOTLINE_TRANSITIONS.filter((r) => r.to === 'prior')) {
      for (const from of rule.from) {
        const entering = HOTLINE_TRANSITIONS.filter((r) => r.to === from);
        assert.ok(entering.length > 0, `${from} is entered by some rule`);
        for (const r of entering) {
          const d = expectOk(decide(snapshotFor(r.from[0]!, r.action), { action: r.action, input: fullInput(r.action) }, everyone, ctx()));
          assert.equal(d.patch.priorStatus, r.from[0], `${r.action} saves the prior state`);
        }
      }
    }
  });

  it('lists in actionsFrom exactly the actions findRule accepts', () => {
    for (const status of APPEAL_STATUSES) {
      const listed = new Set(actionsFrom(status));
      for (const action of APPEAL_ACTIONS) assert.equal(listed.has(action), findRule(action, status) !== undefined, `${action}/${status}`);
    }
  });
});

describe('random walks over the table', () => {
  /** Invariants every reachable snapshot keeps. */
  function checkInvariants(s: AppealSnapshot, trail: string): void {
    assert.ok(APPEAL_STATUSES.includes(s.status), trail);
    if (LEAD_STATES.includes(s.status)) assert.ok(s.leadUnitId, `a lead unit in ${s.status}: ${trail}`);
    else if (s.status !== 'closed') assert.equal(s.leadUnitId, null, `no lead unit in ${s.status}: ${trail}`);
    if (s.status === 'return_requested' || s.status === 'suspended') assert.ok(s.priorStatus, `prior status in ${s.status}: ${trail}`);
    else assert.equal(s.priorStatus, null, `no prior status in ${s.status}: ${trail}`);
    const handling = s.clocks.find((c) => c.clock === 'handling');
    if (s.status === 'handling') {
      assert.ok(handling && handling.stoppedAt === null && handling.pausedAt === null, `handling clock runs in handling: ${trail}`);
    }
    if (s.status === 'suspended') {
      for (const c of s.clocks.filter((k) => k.stoppedAt === null)) assert.ok(c.pausedAt && c.pausedBudget, `${c.clock} paused: ${trail}`);
    }
    for (const c of s.clocks) assert.ok(c.dueAt.getTime() >= c.startedAt.getTime() || c.pausedAt !== null, `${c.clock} due after start: ${trail}`);
    assert.ok(s.redoCount >= 0 && s.returnCount >= 0 && s.unitsPassed >= 0 && s.urgeCount >= 0);
  }

  it('keep the status, lead unit, prior status and clocks consistent (property)', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (choices) => {
      let s = snapshotFor('registered', 'accept');
      let now = NOW.getTime();
      const trail: string[] = [];
      for (const choice of choices) {
        const actions = actionsFrom(s.status);
        if (actions.length === 0) break;
        const action = actions[choice % actions.length]!;
        now += 47 * 60_000;
        const input: CommandInput = { ...fullInput(action), satisfaction: choice % 3 === 0 ? 'dissatisfied' : 'satisfied' };
        const r = decide(s, { action, input }, everyone, ctx(new Date(now)));
        trail.push(r.ok ? action : `(${action} refused)`);
        if (!r.ok) {
          // Only data-dependent refusals may happen with full input and an all-powerful actor.
          assert.equal(r.code, 'INVALID_TRANSITION_INPUT', `${r.code} ${r.message}: ${trail.join(' → ')}`);
          assert.ok(['close', 'approve_extension', 'reject_extension', 'request_extension', 'sub_dispatch'].includes(action), trail.join(' → '));
          continue;
        }
        s = apply(s, r.decision);
        checkInvariants(s, trail.join(' → '));
      }
    }), { numRuns: 300 });
  });

  it('never leave a clock running once an appeal is closed (property)', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (choices) => {
      let s = snapshotFor('registered', 'accept');
      let now = at('2026-11-23T10:00:00+08:00').getTime();
      for (const choice of choices) {
        const actions = actionsFrom(s.status);
        if (actions.length === 0) break;
        const action = actions[choice % actions.length]!;
        now += 47 * 60_000;
        const r = decide(s, { action, input: fullInput(action) }, everyone, ctx(new Date(now)));
        if (!r.ok) continue;
        s = apply(s, r.decision);
        if (TERMINAL_STATUSES.includes(s.status)) {
          assert.deepEqual(s.clocks.filter((c) => c.stoppedAt === null).map((c) => c.clock), [], `running clocks in ${s.status}`);
        }
      }
    }), { numRuns: 300 });
  });
});
