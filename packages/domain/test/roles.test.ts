/** Who may do what, per track: each rule × each role at its target unit; the accused unit (§3, §8); read access (§8). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, TRACKS } from '@minsheng/contracts';
import type { AppealStatus, Role, Track } from '@minsheng/contracts';
import { actingGrant, canReadAppeal, canRevealIdentity, decide, grantCovers, HOTLINE_TRANSITIONS, isAccusedSide, maskAddress, maskName, maskPhone, tableFor } from '../src';
import type { Actor, AppealAccessFacts, AppealSnapshot, IdentityFacts, Target, TransitionRule } from '../src';
import { actorOf, actorWith, attemptOn, ctxFor, dispatcher, expectFail, expectOk, fullInput, grant, snapshotFor, supervisor, UNIT_PATHS } from './fixtures';
import type { UnitId } from './fixtures';

/** Owner 'centre', lead 'dept-a', co-unit 'station-1'; 'dept-b' has nothing to do with the appeal. */
const snap = (track: Track, status: AppealStatus, rule: TransitionRule, overrides: Partial<AppealSnapshot> = {}): AppealSnapshot =>
  snapshotFor(status, rule.action, { coUnitIds: ['station-1'], ...overrides }, track);

/** The unit each target names in `snap`: the co-unit station-1 is also an assigned unit. */
const RIGHT_UNIT: Record<Target, UnitId> = { owner: 'centre', lead: 'dept-a', co: 'station-1', assigned: 'station-1' };

const attempt = (s: AppealSnapshot, rule: TransitionRule, actor: Actor) =>
  decide(s, { action: rule.action, input: fullInput(rule.action, s.track) }, actor, ctxFor(s.track));

for (const track of TRACKS) {
  const table = tableFor(track);
  describe(`${track}: who may do what (each rule × each role)`, () => {
    for (const rule of table) {
      it(`${rule.action} from ${rule.from.join('/')}: only ${Object.keys(rule.who).join(', ')} may do it, each at its target unit`, () => {
        for (const status of rule.from) {
          for (const role of ROLES) {
            const target = rule.who[role];
            const actor = actorOf(role, target ? RIGHT_UNIT[target] : 'centre');
            const r = attempt(snap(track, status, rule), rule, actor);
            if (target) {
              const d = expectOk(r);
              assert.equal(d.actorRole, role);
              assert.equal(d.actorUnitId, RIGHT_UNIT[target]);
            } else {
              assert.equal(expectFail(r, 'FORBIDDEN').action, rule.action, `${role} may not ${rule.action} in ${status}`);
            }
          }
        }
      });
    }

    it('refuses every permitted role when held at an unrelated sibling unit', () => {
      for (const rule of table) {
        for (const role of ROLES.filter((r) => rule.who[r])) {
          expectFail(attempt(snap(track, rule.from[0]!, rule), rule, actorOf(role, 'dept-b')), 'FORBIDDEN');
        }
      }
    });

    it("lets a role held in a parent of the lead unit act on 'lead' rules (subtree scope)", () => {
      for (const rule of table) {
        // dept-a-sub has no unit below it, so there is nothing it could sub-dispatch to.
        if (rule.action === 'sub_dispatch') continue;
        for (const role of ROLES.filter((r) => rule.who[r] === 'lead')) {
          const s = snap(track, rule.from[0]!, rule, { leadUnitId: 'dept-a-sub' });
          const d = expectOk(attempt(s, rule, actorOf(role, 'dept-a')));
          assert.equal(d.actorUnitId, 'dept-a');
        }
      }
    });

    it("does not let a role held only in a sub-unit of the lead act on 'lead' rules", () => {
      for (const rule of table) {
        for (const role of ROLES.filter((r) => rule.who[r] === 'lead')) {
          expectFail(attempt(snap(track, rule.from[0]!, rule), rule, actorOf(role, 'dept-a-sub')), 'FORBIDDEN');
        }
      }
    });

    it("keeps co-units out of 'lead' rules and the lead unit out of 'co' rules; both take notes", () => {
      for (const rule of table) {
        for (const role of ROLES) {
          const target = rule.who[role];
          if (target === 'lead') expectFail(attempt(snap(track, rule.from[0]!, rule), rule, actorOf(role, 'station-1')), 'FORBIDDEN');
          if (target === 'co') expectFail(attempt(snap(track, rule.from[0]!, rule), rule, actorOf(role, 'dept-a')), 'FORBIDDEN');
        }
      }
      const note = table.find((r) => r.action === 'note')!;
      const open = note.from.find((s) => s === 'handling')!;
      expectOk(attempt(snap(track, open, note), note, actorOf('handler', 'station-1')));
      expectOk(attempt(snap(track, open, note), note, actorOf('handler', 'dept-a')));
    });

    it('with no co-unit, nobody may give a co-unit opinion', () => {
      const rule = table.find((r) => r.action === 'co_opinion')!;
      for (const unit of ['station-1', 'dept-a', 'centre'] as const) {
        expectFail(attempt(snap(track, 'handling', rule, { coUnitIds: [] }), rule, actorOf('handler', unit)), 'FORBIDDEN');
      }
    });
  });
}

describe('hotline: picking a grant', () => {
  it('picks, among several grants, the one that actually permits the action', () => {
    const sign = HOTLINE_TRANSITIONS.find((r) => r.action === 'sign')!;
    const actor: Actor = { userId: 'multi', grants: [grant('agent', 'centre'), grant('handler', 'dept-b'), grant('handler', 'dept-a')] };
    const g = actingGrant(sign, snap('hotline', 'dispatched', sign), actor);
    assert.deepEqual(g, grant('handler', 'dept-a'));
    assert.equal(grantCovers(grant('handler', 'dept-a'), null, UNIT_PATHS), false, 'no unit is covered by nobody');
    assert.equal(grantCovers(grant('handler', 'dept-a'), 'unknown-unit', UNIT_PATHS), false);
  });
});

describe('§3/§8 the accused unit (信访条例 art. 23) can never be dispatched to or act', () => {
  // Lead deliberately inside the accused unit: without the accusation the same actors could act.
  const accusedSnap = (track: Track, status: AppealStatus, rule: TransitionRule, accusedUnitId: string | null) =>
    snap(track, status, rule, { leadUnitId: 'dept-a-sub', accusedUnitId });

  for (const track of TRACKS) {
    for (const unit of ['dept-a', 'dept-a-sub'] as const) {
      it(`§3/§8 ${track}: staff of ${unit} may take no action on an appeal accusing dept-a, whatever their roles`, () => {
        const insider = actorWith(ROLES, unit);
        for (const rule of tableFor(track)) {
          for (const status of rule.from) expectFail(attempt(accusedSnap(track, status, rule, 'dept-a'), rule, insider), 'FORBIDDEN');
        }
      });
    }

    it(`§3/§8 ${track}: the accused unit or a unit below it never receives the appeal, as lead or co-unit`, () => {
      const s = snapshotFor('registered', 'dispatch', { accusedUnitId: 'dept-a' }, track);
      const from = track === 'hotline' ? { ...s, status: 'accepted' as const } : s;
      for (const input of [{ leadUnitId: 'dept-a' }, { leadUnitId: 'dept-a-sub' }, { leadUnitId: 'dept-b', coUnitIds: ['dept-a-sub'] }]) {
        expectFail(attemptOn(from, 'dispatch', dispatcher, input), 'ACCUSED_UNIT');
      }
      expectOk(attemptOn(from, 'dispatch', dispatcher, { leadUnitId: 'dept-b', coUnitIds: ['station-1'] }));
      // 联席会议 naming a new lead, or new co-units, is refused too.
      const open = snapshotFor('handling', 'joint_meeting', { accusedUnitId: 'dept-a', leadUnitId: 'dept-b' }, track);
      for (const input of [{ leadUnitId: 'dept-a-sub' }, { leadUnitId: 'street-1', coUnitIds: ['dept-a'] }]) {
        expectFail(attemptOn(open, 'joint_meeting', supervisor, { ...input, meetingId: 'm', reason: 'r' }), 'ACCUSED_UNIT');
      }
    });
  }

  it('lets the same insiders act once there is no accusation (control)', () => {
    const insider = actorWith(ROLES, 'dept-a');
    const sign = HOTLINE_TRANSITIONS.find((r) => r.action === 'sign')!;
    expectOk(attempt(accusedSnap('hotline', 'dispatched', sign, null), sign, insider));
  });

  it('§3 信访: 复查/复核 never go to the accused unit', () => {
    for (const [status, action] of [['answered', 'request_review'], ['reviewed', 'request_rereview']] as const) {
      const s = snapshotFor(status, action, { accusedUnitId: 'dept-a-sub', leadUnitId: 'dept-b' }, 'petition');
      expectFail(attemptOn(s, action, dispatcher, { leadUnitId: 'dept-a-sub', reason: 'r' }), 'ACCUSED_UNIT');
      expectOk(attemptOn(s, action, dispatcher, { leadUnitId: 'dept-a', reason: 'r' }));
    }
  });

  it('refuses to sub-dispatch into the accused unit', () => {
    const s = snapshotFor('dispatched', 'sub_dispatch', { accusedUnitId: 'dept-a-sub', leadUnitId: 'street-1' });
    expectFail(attemptOn(s, 'sub_dispatch', dispatcher, { leadUnitId: 'dept-a-sub' }), 'ACCUSED_UNIT');
  });

  it('refuses to escalate to an accused upper unit', () => {
    const s = snapshotFor('handling', 'escalate', { accusedUnitId: 'street-1', leadUnitId: 'station-1' });
    expectFail(attemptOn(s, 'escalate', supervisor, { leadUnitId: 'street-1', reason: 'r' }), 'ACCUSED_UNIT');
  });

  it('lets root-unit staff act on an appeal accusing a department', () => {
    const s = snapshotFor('handling', 'urge', { accusedUnitId: 'dept-a', leadUnitId: 'dept-b' });
    expectOk(attemptOn(s, 'urge', supervisor));
  });

  it('forbids a member of the accused unit who also holds a root-unit role', () => {
    const s = snapshotFor('handling', 'urge', { accusedUnitId: 'dept-a', leadUnitId: 'dept-b' });
    const dualHat: Actor = { userId: 'dual', grants: [grant('handler', 'dept-a'), grant('supervisor', 'centre')] };
    assert.equal(canReadAppeal(dualHat.grants, { ownerUnitId: 'centre', assignedUnitIds: ['dept-b'], accusedUnitId: 'dept-a', unitPaths: UNIT_PATHS }), false);
    expectFail(attemptOn(s, 'urge', dualHat), 'FORBIDDEN');
  });
});

describe('§8 canReadAppeal / isAccusedSide: staff see only their units\' appeals, never one accusing them', () => {
  const facts = (assigned: string[], accusedUnitId: string | null = null): AppealAccessFacts =>
    ({ ownerUnitId: 'centre', assignedUnitIds: assigned, accusedUnitId, unitPaths: UNIT_PATHS });
  const reads = (role: Role, unit: UnitId, f: AppealAccessFacts): boolean => canReadAppeal([grant(role, unit)], f);

  it('lets root-unit staff read every appeal that does not accuse them', () => {
    for (const role of ROLES) {
      assert.equal(reads(role, 'centre', facts([])), true, role);
      assert.equal(reads(role, 'centre', facts(['dept-b'], 'dept-a')), true, role);
    }
  });

  it('lets a unit read appeals assigned to it or to its sub-units', () => {
    assert.equal(reads('handler', 'dept-a', facts(['dept-a'])), true);
    assert.equal(reads('handler', 'dept-a', facts(['dept-a-sub'])), true);
    assert.equal(reads('unit_leader', 'street-1', facts(['dept-b', 'station-1'])), true, 'as a co-unit too');
  });

  it('hides an appeal from sibling units, sub-units of the assignee and units never assigned', () => {
    assert.equal(reads('handler', 'dept-b', facts(['dept-a'])), false);
    assert.equal(reads('handler', 'dept-a-sub', facts(['dept-a'])), false);
    assert.equal(reads('handler', 'street-1', facts([])), false);
    assert.equal(canReadAppeal([], facts(['dept-a'])), false, 'no grants, no access');
  });

  it('hides an appeal from the accused unit and everyone below it, even when assigned', () => {
    for (const unit of ['dept-a', 'dept-a-sub'] as const) {
      assert.equal(reads('unit_leader', unit, facts(['dept-a', 'dept-a-sub'], 'dept-a')), false, unit);
    }
    assert.equal(canReadAppeal([grant('dispatcher', 'centre'), grant('handler', 'dept-a-sub')], facts([], 'dept-a')), false, 'a second hat does not help');
  });

  it('tells the accused side from everyone else', () => {
    assert.equal(isAccusedSide([grant('handler', 'dept-a-sub')], 'dept-a'), true);
    assert.equal(isAccusedSide([grant('handler', 'dept-a')], 'dept-a'), true);
    assert.equal(isAccusedSide([grant('dispatcher', 'centre')], 'dept-a'), false, 'a parent is not the accused');
    assert.equal(isAccusedSide([grant('handler', 'dept-b')], 'dept-a'), false);
    assert.equal(isAccusedSide([grant('handler', 'dept-a')], null), false);
  });

  it('treats a unit with no known path as not readable rather than failing', () => {
    assert.equal(canReadAppeal([grant('handler', 'dept-a')], { ...facts(['ghost-unit']), ownerUnitId: 'ghost-owner' }), false);
  });
});

describe('§8 identity: confidential appeals (保密工单) and masking', () => {
  const facts = (confidential: boolean, accusedUnitId: string | null = null): IdentityFacts =>
    ({ ownerUnitId: 'centre', leadUnitId: 'dept-a-sub', coUnitIds: ['station-1'], accusedUnitId, confidential, unitPaths: UNIT_PATHS });
  const sees = (role: Role, unit: UnitId, f: IdentityFacts) => canRevealIdentity([grant(role, unit)], f);

  it('§8 confidential: only intake, the dispatcher and the assigned handler see identity and contact', () => {
    const f = facts(true);
    assert.deepEqual(ROLES.filter((r) => sees(r, 'centre', f)), ['agent', 'dispatcher']);
    assert.equal(sees('handler', 'dept-a-sub', f), true);
    assert.equal(sees('handler', 'station-1', f), true, 'a co-unit is assigned too');
    for (const [role, unit] of [['handler', 'dept-a'], ['unit_leader', 'dept-a-sub'], ['callback', 'centre'], ['supervisor', 'centre'], ['handler', 'dept-b']] as const) {
      assert.equal(sees(role, unit, f), false, `${role}@${unit}`);
    }
  });

  it('§8 ordinary appeals: assigned units (and their parents), the centre\'s callback and supervision staff; never leader, admin or the accused', () => {
    const f = facts(false);
    assert.deepEqual(ROLES.filter((r) => sees(r, 'centre', f)), ['agent', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'callback']);
    assert.deepEqual([sees('handler', 'dept-a', f), sees('unit_leader', 'dept-a-sub', f), sees('handler', 'dept-b', f)], [true, true, false]);
    assert.equal(canRevealIdentity([grant('dispatcher', 'centre'), grant('handler', 'dept-a')], facts(false, 'dept-a')), false);
  });

  it('§8 masked values: 138****1234, 张**, addresses keep only the district and road', () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
    assert.equal(maskPhone('138 1234 1234'), '138****1234');
    assert.equal(maskName('张三丰'), '张**');
    assert.equal(maskName('张'), '张*');
    assert.equal(maskAddress('鼓楼区中山路88号3单元502'), '鼓楼区中山路****');
    assert.equal(maskAddress(''), '');
  });
});
