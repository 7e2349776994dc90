import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { APPEAL_KINDS } from '@minsheng/contracts';
import type { AppealKind, Urgency } from '@minsheng/contracts';
import {
  canonicalJson, createWorkCalendar, DEFAULT_HOTLINE_POLICIES, DEFAULT_PETITION_POLICIES, DEFAULT_POLICIES, DEFAULT_PROPOSAL_POLICIES, DEFAULT_SETTINGS,
  POLICY_CLOCK_KEYS, eventHash, isIdNumber, isMobilePhone, isPhoneNumber, normalizePhone,
  resolveSettings, selectDeadlinePolicy, verifyChain,
} from '../src';
import type { DeadlinePolicy, HashedEvent, PolicySubject } from '../src';

const POLICIES: DeadlinePolicy[] = DEFAULT_HOTLINE_POLICIES.map((p, i) => ({ ...p, id: `p${i}` }));
const subject = (kind: AppealKind, urgency: Urgency = 'normal', categoryId: string | null = null): PolicySubject =>
  ({ track: 'hotline', kind, urgency, categoryId });
const pick = (s: PolicySubject, policies: readonly DeadlinePolicy[] = POLICIES) => selectDeadlinePolicy(policies, s)?.name ?? null;

describe('selectDeadlinePolicy', () => {
  it('gives urgent appeals the 紧急 row and critical ones the 特急 row, whatever their kind', () => {
    assert.equal(pick(subject('complaint', 'urgent')), '紧急');
    assert.equal(pick(subject('consultation', 'urgent')), '紧急');
    assert.equal(pick(subject('complaint', 'critical')), '特急');
    assert.equal(pick(subject('help', 'critical')), '特急');
  });

  it('gives normal appeals the row of their kind', () => {
    const expected: Record<AppealKind, string> = {
      consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', opinion: '意见', praise: '表扬',
    };
    for (const kind of APPEAL_KINDS) assert.equal(pick(subject(kind)), expected[kind], kind);
  });

  it('lets a category-specific row beat every urgency and kind row', () => {
    const heating: DeadlinePolicy = { ...POLICIES[0]!, id: 'heat', name: '供暖', kind: null, urgency: null, categoryId: 'heating' };
    const withHeating = [...POLICIES, heating];
    assert.equal(pick(subject('complaint', 'critical', 'heating'), withHeating), '供暖');
    assert.equal(pick(subject('consultation', 'normal', 'heating'), withHeating), '供暖');
    assert.equal(pick(subject('complaint', 'critical', 'water'), withHeating), '特急', 'other categories ignore it');
    assert.equal(pick(subject('complaint', 'normal', null), withHeating), '投诉');
  });

  it('ranks category > urgency > kind, and combinations add up', () => {
    const row = (name: string, kind: AppealKind | null, urgency: Urgency | null, categoryId: string | null): DeadlinePolicy =>
      ({ ...POLICIES[0]!, id: name, name, kind, urgency, categoryId });
    const rows = [row('cat+kind', 'complaint', null, 'c'), row('cat+urg', null, 'urgent', 'c'), row('urg+kind', 'complaint', 'urgent', null), row('catch-all', null, null, null)];
    assert.equal(pick(subject('complaint', 'urgent', 'c'), rows), 'cat+urg');
    assert.equal(pick(subject('complaint', 'normal', 'c'), rows), 'cat+kind');
    assert.equal(pick(subject('complaint', 'urgent', null), [...POLICIES, ...rows]), 'urg+kind');
    assert.equal(pick(subject('help', 'normal', null), rows), 'catch-all');
  });

  it('returns null when no row matches the track', () => {
    assert.equal(selectDeadlinePolicy(POLICIES, { track: 'petition', kind: 'complaint', urgency: 'normal', categoryId: null }), null);
    assert.equal(selectDeadlinePolicy([], subject('complaint')), null);
  });
});

describe('§5 DEFAULT_HOTLINE_POLICIES', () => {
  const row = (name: string) => {
    const p = DEFAULT_HOTLINE_POLICIES.find((r) => r.name === name);
    assert.ok(p, name);
    return p.clocks;
  };
  const d = (amount: number, unit: string) => ({ amount, unit });

  it('§5 default hotline policy matches the published sign-for / first-contact / handling table', () => {
    const table: [string, object, object, object][] = [
      ['特急', d(30, 'minutes'), d(1, 'hours'), d(24, 'hours')],
      ['紧急', d(2, 'hours'), d(4, 'hours'), d(2, 'working_days')],
      ['咨询', d(2, 'working_hours'), d(1, 'working_days'), d(1, 'working_days')],
      ['求助', d(2, 'working_hours'), d(1, 'working_days'), d(5, 'working_days')],
      ['建议', d(2, 'working_hours'), d(1, 'working_days'), d(5, 'working_days')],
      ['意见', d(2, 'working_hours'), d(1, 'working_days'), d(5, 'working_days')],
      ['投诉', d(2, 'working_hours'), d(1, 'working_days'), d(10, 'working_days')],
      ['举报', d(2, 'working_hours'), d(1, 'working_days'), d(10, 'working_days')],
    ];
    for (const [name, signFor, firstContact, handling] of table) {
      const c = row(name);
      assert.deepEqual([c.sign_for, c.first_contact, c.handling], [signFor, firstContact, handling], name);
    }
  });

  it('§5 redo 3 working days, callback 2 working days, 投诉/举报 10 working days (15 with approval)', () => {
    for (const p of DEFAULT_HOTLINE_POLICIES) {
      assert.equal(p.track, 'hotline');
      assert.deepEqual(p.clocks.redo, d(3, 'working_days'), p.name);
      assert.deepEqual(p.clocks.callback, d(2, 'working_days'), p.name);
    }
    for (const name of ['投诉', '举报']) assert.equal(row(name).handling.amount + row(name).extensionMax.amount, 15, name);
    assert.equal(row('投诉').extensionMax.unit, 'working_days');
  });
});

describe('§3/§4/§5 default petition and proposal policies, yellow light', () => {
  const d = (amount: number, unit: string) => ({ amount, unit });

  it('§3 default 信访 clocks: triage 15, acceptance 15, handling 60 (+ ≤ 30), 复查/复核 window 30 and decision 30, 督办 answer 30 days', () => {
    assert.equal(DEFAULT_PETITION_POLICIES.length, 1);
    const c = DEFAULT_PETITION_POLICIES[0]!.clocks;
    assert.deepEqual([c.triage, c.acceptance, c.handling, c.extensionMax, c.review_window, c.review, c.supervision_reply],
      [d(15, 'calendar_days'), d(15, 'calendar_days'), d(60, 'calendar_days'), d(30, 'calendar_days'), d(30, 'calendar_days'), d(30, 'calendar_days'), d(30, 'calendar_days')]);
    assert.deepEqual([c.sign_for, c.first_contact, c.callback], [undefined, undefined, undefined], 'no hotline clocks on a petition');
  });

  it('§4 default proposal clocks: 3 months, 6 when hard, co-unit opinions 1 month, deputy feedback 15 working days, redo 2 months', () => {
    const c = DEFAULT_PROPOSAL_POLICIES[0]!.clocks;
    assert.deepEqual([c.handling, c.handling_complex, c.co_opinion, c.feedback, c.redo],
      [d(3, 'months'), d(6, 'months'), d(1, 'months'), d(15, 'working_days'), d(2, 'months')]);
  });

  it('§5 every track has a catch-all default and every default names only known clock keys', () => {
    const all = DEFAULT_POLICIES.map((p, i) => ({ ...p, id: `d${i}` }));
    assert.equal(selectDeadlinePolicy(all, { track: 'petition', kind: 'complaint', urgency: 'critical', categoryId: 'x' })?.name, '信访事项');
    assert.equal(selectDeadlinePolicy(all, { track: 'proposal', kind: 'suggestion', urgency: 'normal', categoryId: null })?.name, '建议提案');
    for (const p of DEFAULT_POLICIES) for (const key of Object.keys(p.clocks)) assert.ok((POLICY_CLOCK_KEYS as readonly string[]).includes(key), `${p.name}: ${key}`);
  });

  it('§5 yellow at 75%: the default setting, and a handling clock turns yellow at 75 % of its working time', () => {
    assert.equal(DEFAULT_SETTINGS.yellowAt, 0.75);
    const cal = createWorkCalendar();
    const start = new Date('2026-11-23T08:30:00+08:00');
    // 从收到次日起算: due Friday 17:30, so Monday counts too: 5 × 450 working minutes, 75 % reached Thursday 15:37:30.
    const due = cal.addDuration(start, 4, 'working_days');
    const at = (iso: string) => cal.light(start, due, new Date(iso), 'working_days', DEFAULT_SETTINGS.yellowAt);
    assert.deepEqual([at('2026-11-26T15:37:00+08:00'), at('2026-11-26T15:38:00+08:00')], ['green', 'yellow']);
    assert.deepEqual([at('2026-11-27T17:30:00+08:00'), at('2026-11-30T08:31:00+08:00')], ['yellow', 'red']);
    assert.equal(at('2026-11-24T10:00:00+08:00'), 'green');
  });
});

describe('§8 hash chain: the audit trail is tamper-evident', () => {
  const base: Omit<HashedEvent, 'seq' | 'prevHash'> = {
    jurisdictionId: 'j-1', appealId: 'ap-1', action: 'note', fromStatus: 'handling', toStatus: 'handling', actorUserId: 'u-1',
    actorRole: 'handler', actorUnitId: 'unit-1', reason: 'r', payload: { b: [1, { y: 2, x: 1 }], a: 'z' }, visibility: 'internal', occurredAt: new Date('2026-11-23T02:00:00Z'),
  };
  function chain(n: number): (HashedEvent & { hash: string })[] {
    const out: (HashedEvent & { hash: string })[] = [];
    let prevHash = '';
    for (let seq = 1; seq <= n; seq++) {
      const e: HashedEvent = { ...base, seq, prevHash, payload: { ...(base.payload as object), seq }, occurredAt: new Date(base.occurredAt.getTime() + seq * 60_000) };
      const hash = eventHash(e);
      out.push({ ...e, hash });
      prevHash = hash;
    }
    return out;
  }

  it('orders object keys canonically at every depth, keeps array order and drops undefined', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, 1], c: null } }), '{"a":{"c":null,"d":[2,1]},"b":1}');
    assert.equal(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }), canonicalJson({ b: 1, a: { d: [2, 1], c: null } }));
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
    assert.equal(canonicalJson({ a: undefined, b: new Date('2026-01-01T00:00:00Z') }), '{"b":"2026-01-01T00:00:00.000Z"}');
    assert.equal(canonicalJson(undefined), 'null');
  });

  it('is independent of key order and round-trips as JSON (property)', () => {
    const reversed = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reversed);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]));
      return v;
    };
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      assert.equal(canonicalJson(reversed(v)), canonicalJson(v));
      assert.deepEqual(JSON.parse(canonicalJson(v)), JSON.parse(JSON.stringify(v)));
    }));
  });

  it('changes the event hash when any field changes, but not when payload keys are reordered', () => {
    const e: HashedEvent = { ...base, seq: 1, prevHash: '' };
    const h = eventHash(e);
    assert.match(h, /^[0-9a-f]{64}$/);
    assert.equal(eventHash({ ...e }), h, 'deterministic');
    assert.equal(eventHash({ ...e, payload: { a: 'z', b: [1, { x: 1, y: 2 }] } }), h);
    const changes: Partial<HashedEvent>[] = [
      { jurisdictionId: 'j-2' }, { appealId: 'ap-2' }, { seq: 2 }, { action: 'urge' }, { fromStatus: null }, { toStatus: 'closed' },
      { actorUserId: null }, { actorRole: 'supervisor' }, { actorUnitId: 'unit-2' }, { reason: null }, { payload: { a: 'z', b: [1, { x: 1, y: 3 }] } }, { visibility: 'public' },
      { occurredAt: new Date(e.occurredAt.getTime() + 1) }, { prevHash: 'x' },
    ];
    for (const change of changes) assert.notEqual(eventHash({ ...e, ...change }), h, Object.keys(change).join());
  });

  it('accepts a valid chain of 5 (and an empty one)', () => {
    assert.equal(verifyChain(chain(5)), null);
    assert.equal(verifyChain([]), null);
  });

  it('detects an edited payload, and a re-hashed edit at the next event', () => {
    const edited = chain(5);
    edited[2] = { ...edited[2]!, payload: { forged: true } };
    assert.deepEqual(verifyChain(edited), { seq: 3, reason: 'hash_mismatch' });
    const { hash: _h, ...rest } = edited[2];
    edited[2] = { ...rest, hash: eventHash(rest) };
    assert.deepEqual(verifyChain(edited), { seq: 4, reason: 'prev_hash_mismatch' });
  });

  it('detects a removed event as a sequence gap', () => {
    const c = chain(5);
    assert.deepEqual(verifyChain([...c.slice(0, 2), ...c.slice(3)]), { seq: 4, reason: 'seq_gap' });
    assert.deepEqual(verifyChain(c.slice(1)), { seq: 2, reason: 'seq_gap' });
  });

  it('detects a reordered chain, even with its seq numbers rewritten', () => {
    const c = chain(5);
    assert.deepEqual(verifyChain([c[0]!, c[2]!, c[1]!, c[3]!, c[4]!]), { seq: 3, reason: 'seq_gap' });
    const renumbered = [c[0]!, { ...c[2]!, seq: 2 }, { ...c[1]!, seq: 3 }, c[3]!, c[4]!];
    assert.deepEqual(verifyChain(renumbered), { seq: 2, reason: 'prev_hash_mismatch' });
  });

  it('requires the first event to start the chain with an empty previous hash', () => {
    const c = chain(2);
    const { hash: _h, ...first } = c[0]!;
    const forged = { ...first, prevHash: 'abc' };
    assert.deepEqual(verifyChain([{ ...forged, hash: eventHash(forged) }, c[1]!]), { seq: 1, reason: 'prev_hash_mismatch' });
  });
});

describe('validators', () => {
  /** GB 11643 check character, computed independently: weights 2^(17-i) mod 11. */
  const withCheck = (first17: string): string => {
    const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * (2 ** (17 - i) % 11), 0);
    const c = (12 - (sum % 11)) % 11;
    return first17 + (c === 10 ? 'X' : String(c));
  };

  it('accepts mainland mobiles, with or without a country code', () => {
    for (const p of ['13812345678', '19912345678', '+86 138 1234 5678', '+8613812345678', '008613812345678', '8613812345678', '138-1234-5678']) {
      assert.equal(isMobilePhone(p), true, p);
    }
    for (const p of ['12812345678', '1381234567', '138123456789', '010-12345678', '23812345678', '', 'abcdefghijk']) {
      assert.equal(isMobilePhone(p), false, p);
    }
  });

  it('accepts landlines with area code, local numbers, service numbers and mobiles', () => {
    for (const p of ['0537-3412345', '05373412345', '010-12345678', '(010) 1234 5678', '3412345', '34123456', '12345', '110', '+86 13812345678']) {
      assert.equal(isPhoneNumber(p), true, p);
    }
    for (const p of ['0123', '1234567', '0537-341', 'phone', '', '123456789012345']) assert.equal(isPhoneNumber(p), false, p);
  });

  it('accepts a landline written in international form (+86, trunk 0 dropped)', () => {
    assert.equal(isPhoneNumber('+86 10 1234 5678'), true);
    assert.equal(isPhoneNumber('+86-537-3412345'), true);
    assert.equal(normalizePhone('+86 10 1234 5678'), normalizePhone('010-12345678'));
  });

  it('accepts resident ID numbers with a correct check character, lowercase x included', () => {
    assert.equal(withCheck('11010519491231002'), '11010519491231002X', 'the GB 11643 sample');
    for (const id of ['11010519491231002X', '11010519491231002x', ' 11010519491231002X ', withCheck('44030820000229123'), withCheck('32010219991231456')]) {
      assert.equal(isIdNumber(id), true, id);
    }
  });

  it('rejects a wrong check character, impossible dates and malformed numbers', () => {
    const good = withCheck('44030819990101001');
    const wrong = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    for (const id of [
      wrong, withCheck('44030819990230001'), withCheck('44030819000229001'), withCheck('44030818991231001'), withCheck('44030819991301001'),
      good.slice(0, 17), `${good}0`, '4403081999010100AX', 'X40308199901010011', '',
    ]) {
      assert.equal(isIdNumber(id), false, id);
    }
  });
});

describe('resolveSettings', () => {
  it('returns the defaults for missing or non-object settings', () => {
    for (const stored of [undefined, null, 'x', 42, {}]) assert.deepEqual(resolveSettings(stored), DEFAULT_SETTINGS, String(stored));
  });

  it('merges partial stored settings over the defaults, nested groups key by key', () => {
    const s = resolveSettings({ yellowAt: 0.8, problem: { redo: 5 }, satisfactionWeights: { basically_satisfied: 0.6 }, sessionHours: 8 });
    assert.equal(s.yellowAt, 0.8);
    assert.equal(s.sessionHours, 8);
    assert.deepEqual(s.problem, { redo: 5, unitsWithoutLead: 3 });
    assert.deepEqual(s.satisfactionWeights, { ...DEFAULT_SETTINGS.satisfactionWeights, basically_satisfied: 0.6 });
    assert.deepEqual(s.workingHours, DEFAULT_SETTINGS.workingHours);
    assert.equal(s.utcOffsetMinutes, 480);
  });

  it('ignores unknown keys and leaves the defaults untouched', () => {
    const s = resolveSettings({ bogus: 1, legacyFlag: true, yellowAt: 0.9 });
    assert.deepEqual(Object.keys(s).sort(), Object.keys(DEFAULT_SETTINGS).sort());
    s.problem.redo = 99;
    s.satisfactionWeights.satisfied = 0;
    assert.equal(DEFAULT_SETTINGS.problem.redo, 3);
    assert.equal(DEFAULT_SETTINGS.satisfactionWeights.satisfied, 1);
  });

  it('ignores stored keys named like Object.prototype members', () => {
    const s = resolveSettings(JSON.parse('{"constructor": 1, "toString": "x", "hasOwnProperty": 0}'));
    assert.deepEqual(Object.keys(s).sort(), Object.keys(DEFAULT_SETTINGS).sort());
  });
});
