import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '@minsheng/contracts';
import type { AppealStatus, Role } from '@minsheng/contracts';
import { actingGrant, canReadAppeal, decide, grantCovers, HOTLINE_TRANSITIONS, isAccusedSide } from '../src';
import type { Actor, AppealAccessFacts, AppealSnapshot, Target, TransitionRule } from '../src';
import { actorOf, actorWith, ctx, expectFail, expectOk, fullInput, grant, snapshotFor, UNIT_PATHS } from './fixtures';
import type { UnitId } from './fixtures';

/** Owner 'centre', lead 'dept-a', co-unit 'station-1'; 'dept-b' has nothing to do with the appeal. */
const snap = (status: AppealStatus, rule: TransitionRule, overrides: Partial<AppealSnapshot> = {}): AppealSnapshot =>
  snapshotFor(status, rule.action, { coUnitIds: ['station-1'], ...overrides });

const RIGHT_UNIT: Record<Target, UnitId> = { owner: 'centre', lead: 'dept-a', assigned: 'station-1' };

const attempt = (s: AppealSnapshot, rule: TransitionRule, actor: Actor) => decide(s, { action: rule.action, input: fullInput(rule.action) }, actor, ctx());

describe('who may do what (each rule × each role)', () => {
  for (const rule of HOTLINE_TRANSITIONS) {
    it(`${rule.action}: only ${Object.keys(rule.who).join(', ')} may do it, each at its target unit`, () => {
      for (const status of rule.from) {
        for (const role of ROLES) {
          const target = rule.who[role];
          const actor = actorOf(role, target ? RIGHT_UNIT[target] : 'centre');
          const r = attempt(snap(status, rule), rule, actor);
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
    for (const rule of HOTLINE_TRANSITIONS) {
      for (const role of ROLES.filter((r) => rule.who[r])) {
        expectFail(attempt(snap(rule.from[0]!, rule), rule, actorOf(role, 'dept-b')), 'FORBIDDEN');
      }
    }
  });

  it("lets a role held in a parent of the lead unit act on 'lead' rules (subtree scope)", () => {
    for (const rule of HOTLINE_TRANSITIONS) {
      // dept-a-sub has no unit below it, so there is nothing it could sub-dispatch to.
      if (rule.action === 'sub_dispatch') continue;
      for (const role of ROLES.filter((r) => rule.who[r] === 'lead')) {
        const s = snap(rule.from[0]!, rule, { leadUnitId: 'dept-a-sub' });
        const d = expectOk(attempt(s, rule, actorOf(role, 'dept-a')));
        assert.equal(d.actorUnitId, 'dept-a');
      }
    }
  });

  it("does not let a role held only in a sub-unit of the lead act on 'lead' rules", () => {
    for (const rule of HOTLINE_TRANSITIONS) {
      for (const role of ROLES.filter((r) => rule.who[r] === 'lead')) {
        expectFail(attempt(snap(rule.from[0]!, rule), rule, actorOf(role, 'dept-a-sub')), 'FORBIDDEN');
      }
    }
  });

  it("keeps co-units out of 'lead' rules but lets them take notes", () => {
    const sign = HOTLINE_TRANSITIONS.find((r) => r.action === 'sign')!;
    const reply = HOTLINE_TRANSITIONS.find((r) => r.action === 'reply')!;
    const note = HOTLINE_TRANSITIONS.find((r) => r.action === 'note')!;
    expectFail(attempt(snap('dispatched', sign), sign, actorOf('handler', 'station-1')), 'FORBIDDEN');
    expectFail(attempt(snap('handling', reply), reply, actorOf('unit_leader', 'station-1')), 'FORBIDDEN');
    expectOk(attempt(snap('handling', note), note, actorOf('handler', 'station-1')));
    expectOk(attempt(snap('handling', note), note, actorOf('handler', 'dept-a')));
  });

  it('never lets leader or admin drive an appeal', () => {
    for (const rule of HOTLINE_TRANSITIONS) {
      assert.equal(rule.who.leader, undefined, rule.action);
      assert.equal(rule.who.admin, undefined, rule.action);
    }
  });

  it('picks, among several grants, the one that actually permits the action', () => {
    const sign = HOTLINE_TRANSITIONS.find((r) => r.action === 'sign')!;
    const actor: Actor = { userId: 'multi', grants: [grant('agent', 'centre'), grant('handler', 'dept-b'), grant('handler', 'dept-a')] };
    const g = actingGrant(sign, snap('dispatched', sign), actor);
    assert.deepEqual(g, grant('handler', 'dept-a'));
    assert.equal(grantCovers(grant('handler', 'dept-a'), null, UNIT_PATHS), false, 'no unit is covered by nobody');
    assert.equal(grantCovers(grant('handler', 'dept-a'), 'unknown-unit', UNIT_PATHS), false);
  });
});

describe('the accused unit (信访条例 art. 23)', () => {
  // Lead deliberately inside the accused unit: without the accusation the same actors could act.
  const accusedSnap = (status: AppealStatus, rule: TransitionRule, accusedUnitId: string | null) =>
    snap(status, rule, { leadUnitId: 'dept-a-sub', accusedUnitId });

  for (const unit of ['dept-a', 'dept-a-sub'] as const) {
    it(`forbids staff of ${unit} every action on an appeal accusing dept-a, whatever their roles`, () => {
      const insider = actorWith(ROLES, unit);
      for (const rule of HOTLINE_TRANSITIONS) {
        for (const status of rule.from) {
          expectFail(attempt(accusedSnap(status, rule, 'dept-a'), rule, insider), 'FORBIDDEN');
        }
      }
    });
  }

  it('lets the same insiders act once there is no accusation (control)', () => {
    const insider = actorWith(ROLES, 'dept-a');
    const sign = HOTLINE_TRANSITIONS.find((r) => r.action === 'sign')!;
    expectOk(attempt(accusedSnap('dispatched', sign, null), sign, insider));
  });

  it('refuses to dispatch to the accused unit or below it, as lead or co-unit', () => {
    const dispatcher = actorOf('dispatcher', 'centre');
    const s = snapshotFor('accepted', 'dispatch', { accusedUnitId: 'dept-a' });
    for (const input of [{ leadUnitId: 'dept-a' }, { leadUnitId: 'dept-a-sub' }, { leadUnitId: 'dept-b', coUnitIds: ['dept-a-sub'] }]) {
      expectFail(decide(s, { action: 'dispatch', input }, dispatcher, ctx()), 'ACCUSED_UNIT');
    }
    expectOk(decide(s, { action: 'dispatch', input: { leadUnitId: 'dept-b', coUnitIds: ['station-1'] } }, dispatcher, ctx()));
  });

  it('refuses to sub-dispatch into the accused unit', () => {
    const s = snapshotFor('dispatched', 'sub_dispatch', { accusedUnitId: 'dept-a-sub', leadUnitId: 'street-1' });
    expectFail(decide(s, { action: 'sub_dispatch', input: { leadUnitId: 'dept-a-sub' } }, actorOf('dispatcher', 'centre'), ctx()), 'ACCUSED_UNIT');
  });

  it('lets root-unit staff act on an appeal accusing a department', () => {
    const s = snapshotFor('handling', 'urge', { accusedUnitId: 'dept-a', leadUnitId: 'dept-b' });
    expectOk(decide(s, { action: 'urge', input: {} }, actorOf('supervisor', 'centre'), ctx()));
  });

  it('forbids a member of the accused unit who also holds a root-unit role', () => {
    const s = snapshotFor('handling', 'urge', { accusedUnitId: 'dept-a', leadUnitId: 'dept-b' });
    const dualHat: Actor = { userId: 'dual', grants: [grant('handler', 'dept-a'), grant('supervisor', 'centre')] };
    assert.equal(canReadAppeal(dualHat.grants, { ownerUnitId: 'centre', assignedUnitIds: ['dept-b'], accusedUnitId: 'dept-a', unitPaths: UNIT_PATHS }), false);
    expectFail(decide(s, { action: 'urge', input: {} }, dualHat, ctx()), 'FORBIDDEN');
  });
});

describe('canReadAppeal / isAccusedSide', () => {
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
