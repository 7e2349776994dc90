/** The transition tables per track (DOMAIN.md §2–§4): exhaustive over actions × states, and sound as graphs. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPEAL_ACTIONS, APPEAL_STATUSES, ROLES, SYSTEM_ACTIONS, TERMINAL_STATUSES, TRACKS } from '@minsheng/contracts';
import type { AppealStatus, Track } from '@minsheng/contracts';
import { actionsFrom, decide, findRule, HOTLINE_TRANSITIONS, PETITION_TRANSITIONS, PROPOSAL_TRANSITIONS, tableFor, TRANSITIONS } from '../src';
import type { CommandInput, TransitionRule } from '../src';
import { actorWith, ctxFor, expectFail, expectOk, fullInput, snapshotFor } from './fixtures';

/** Holds every role at the root unit, so only the table (never the grant) can refuse. */
const everyone = actorWith(ROLES, 'centre', 'root-all');

/** States a track's table mentions, as a from-state, a target or a master state a merged appeal may follow. */
function statesUsed(table: readonly TransitionRule[]): Set<AppealStatus> {
  const used = new Set<AppealStatus>();
  for (const r of table) {
    for (const s of r.from) used.add(s);
    if (r.to !== 'same' && r.to !== 'prior' && r.to !== 'master') used.add(r.to);
    for (const s of r.alt ?? []) used.add(s);
  }
  return used;
}

/** States a rule can lead to from the table's point of view ('same'/'prior' stay on ground already covered). */
const targetsOf = (r: TransitionRule): readonly AppealStatus[] =>
  r.to === 'master' ? (r.alt ?? []) : r.to === 'same' || r.to === 'prior' ? [] : [r.to];

const INPUT_FIELDS: readonly (keyof CommandInput)[] = [
  'reason', 'answer', 'line', 'route', 'masterId', 'categoryId', 'leadUnitId', 'coUnitIds', 'days', 'reply', 'satisfaction', 'contacted', 'solved', 'comment',
  'complex', 'meetingId',
];

for (const track of TRACKS) {
  const table = tableFor(track);

  describe(`${track}: decide is exhaustive over actions × states`, () => {
    for (const action of APPEAL_ACTIONS) {
      it(`${action}: succeeds exactly in the states the ${track} table lists, ILLEGAL_TRANSITION elsewhere`, () => {
        for (const status of APPEAL_STATUSES) {
          const rule = findRule(action, status, table);
          const s = snapshotFor(status, action, {}, track);
          const result = decide(s, { action, input: fullInput(action, track) }, everyone, ctxFor(track));
          if (rule) {
            const d = expectOk(result);
            const to = rule.to === 'same' ? status : rule.to === 'prior' ? s.priorStatus : rule.to === 'master' ? s.master?.status : rule.to;
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

  describe(`${track}: the transition table`, () => {
    it('has unique (action, from) pairs', () => {
      const seen = new Set<string>();
      for (const rule of table) {
        for (const from of rule.from) {
          const key = `${rule.action}/${from}`;
          assert.ok(!seen.has(key), `duplicate rule ${key}`);
          seen.add(key);
        }
      }
    });

    it('names only known actions, states, roles, targets and input fields', () => {
      for (const rule of table) {
        assert.ok(APPEAL_ACTIONS.includes(rule.action), `${rule.action} is a known action`);
        assert.ok(rule.from.length > 0, `${rule.action} has from-states`);
        for (const from of rule.from) assert.ok(APPEAL_STATUSES.includes(from), `${rule.action} from ${from}`);
        assert.ok(['same', 'prior', 'master'].includes(rule.to) || APPEAL_STATUSES.includes(rule.to as AppealStatus), `${rule.action} to ${rule.to}`);
        // Only a rule that follows a master names alternative states, and it must name some.
        assert.equal(rule.to === 'master', (rule.alt?.length ?? 0) > 0, `${rule.action}: alt goes with to=master`);
        for (const s of rule.alt ?? []) assert.ok(APPEAL_STATUSES.includes(s), `${rule.action} alt ${s}`);
        const roles = Object.keys(rule.who);
        assert.ok(roles.length > 0, `${rule.action} names who may do it`);
        for (const role of roles) assert.ok((ROLES as readonly string[]).includes(role), `${rule.action}: role ${role}`);
        for (const target of Object.values(rule.who)) assert.ok(['owner', 'lead', 'co', 'assigned'].includes(target), `${rule.action}: target ${target}`);
        for (const field of rule.requires) assert.ok(INPUT_FIELDS.includes(field), `${rule.action} requires ${field}`);
      }
    });

    it('gives every non-terminal state it uses a way out', () => {
      for (const status of statesUsed(table)) {
        if (TERMINAL_STATUSES.includes(status)) continue;
        const exits = table.filter((r) => r.from.includes(status) && r.to !== 'same');
        assert.ok(exits.length > 0, `${status} has no state-changing action`);
      }
    });

    it('reaches every state it uses from registered', () => {
      const seen = new Set<AppealStatus>(['registered']);
      const queue: AppealStatus[] = ['registered'];
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        for (const rule of table.filter((r) => r.from.includes(s))) {
          for (const to of targetsOf(rule)) if (!seen.has(to)) { seen.add(to); queue.push(to); }
        }
      }
      for (const status of statesUsed(table)) assert.ok(seen.has(status), `${status} is unreachable`);
    });

    it("routes every 'prior' rule only out of detour states that record where they began", () => {
      for (const rule of table.filter((r) => r.to === 'prior')) {
        for (const from of rule.from) {
          const entering = table.filter((r) => r.to === from);
          assert.ok(entering.length > 0, `${from} is entered by some rule`);
          for (const r of entering) {
            for (const start of r.from) {
              const d = expectOk(decide(snapshotFor(start, r.action, {}, track), { action: r.action, input: fullInput(r.action, track) }, everyone, ctxFor(track)));
              assert.equal(d.patch.priorStatus, start, `${r.action} from ${start} saves the prior state`);
            }
          }
        }
      }
    });

    it('lists in actionsFrom exactly the actions findRule accepts', () => {
      for (const status of APPEAL_STATUSES) {
        const listed = new Set(actionsFrom(status, table));
        for (const action of APPEAL_ACTIONS) assert.equal(listed.has(action), findRule(action, status, table) !== undefined, `${action}/${status}`);
      }
    });

    it('leaves referred and rejected without any action; a merged appeal only follows its master or is unmerged', () => {
      for (const status of ['referred', 'rejected'] as const) assert.deepEqual(actionsFrom(status, table), [], status);
      assert.deepEqual(new Set(actionsFrom('merged', table)), new Set(['unmerge', 'follow_master']));
    });

    it('lets only the system take the system actions (follow_master, flag_bulletin)', () => {
      for (const rule of table.filter((r) => SYSTEM_ACTIONS.includes(r.action))) assert.deepEqual(rule.who, { supervisor: 'owner' }, rule.action);
    });

    it('never lets leader or admin drive an appeal', () => {
      for (const rule of table) assert.deepEqual([rule.who.leader, rule.who.admin], [undefined, undefined], rule.action);
    });
  });
}

describe('the tables together', () => {
  it('are the ones TRANSITIONS and tableFor hand out', () => {
    assert.equal(TRANSITIONS.hotline, HOTLINE_TRANSITIONS);
    assert.equal(TRANSITIONS.petition, PETITION_TRANSITIONS);
    assert.equal(TRANSITIONS.proposal, PROPOSAL_TRANSITIONS);
    for (const track of TRACKS) assert.equal(tableFor(track), TRANSITIONS[track]);
  });

  it('cover every action in APPEAL_ACTIONS between them', () => {
    const inTables = new Set(TRACKS.flatMap((t) => tableFor(t).map((r) => r.action)));
    for (const action of APPEAL_ACTIONS) assert.ok(inTables.has(action), `${action} has no rule on any track`);
  });

  it('use the states each track is documented to use (§2 hotline, §3 信访, §4 proposals)', () => {
    const expected: Record<Track, AppealStatus[]> = {
      hotline: ['registered', 'accepted', 'dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback', 'closed', 'referred', 'rejected', 'merged'],
      petition: ['registered', 'dispatched', 'handling', 'return_requested', 'reply_review', 'answered', 'under_review', 'reviewed', 'under_rereview', 'closed', 'referred', 'rejected', 'merged'],
      proposal: ['registered', 'handling', 'return_requested', 'reply_review', 'answered', 'closed', 'rejected', 'merged'],
    };
    for (const track of TRACKS) assert.deepEqual([...statesUsed(tableFor(track))].sort(), expected[track].sort(), track);
    assert.deepEqual(new Set(TRACKS.flatMap((t) => [...statesUsed(tableFor(t))])), new Set(APPEAL_STATUSES), 'every status belongs to some track');
  });

  it('§2 hotline: closed only reopens or takes notes; 信访 and proposals never reopen a closed matter', () => {
    assert.deepEqual(new Set(actionsFrom('closed', HOTLINE_TRANSITIONS)), new Set(['reopen', 'note']));
    assert.deepEqual(actionsFrom('closed', PETITION_TRANSITIONS), ['note']);
    assert.deepEqual(actionsFrom('closed', PROPOSAL_TRANSITIONS), ['note']);
  });

  it('§2 supervision overlays (urge, supervise, answer_supervision, joint_meeting, flag_bulletin) never change the state', () => {
    for (const track of TRACKS) {
      for (const action of ['urge', 'supervise', 'answer_supervision', 'joint_meeting', 'flag_bulletin', 'note'] as const) {
        for (const rule of tableFor(track).filter((r) => r.action === action)) assert.equal(rule.to, 'same', `${track}/${action}`);
      }
    }
  });

  it('decides with ctx.table when one is given, whatever the track', () => {
    const s = snapshotFor('registered', 'accept', {}, 'petition');
    expectFail(decide(s, { action: 'accept', input: {} }, everyone, ctxFor('petition')), 'ILLEGAL_TRANSITION');
    const d = expectOk(decide(s, { action: 'accept', input: {} }, everyone, { ...ctxFor('petition'), table: HOTLINE_TRANSITIONS }));
    assert.equal(d.to, 'accepted');
  });
});
