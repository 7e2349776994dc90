import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalData, isValidIdCard, passesLuhn, redactText } from '../src/index';
import { scoreRedaction } from '../src/redaction/score';
import type { GoldSpan } from '../src/redaction/score';
import { REDACTION_CASES } from './redaction-fixture';

/** Gold spans located in their sentence (each expected text occurs once per sentence, searched left to right). */
function gold(text: string, pii: { type: GoldSpan['type']; text: string }[]): GoldSpan[] {
  let from = 0;
  return pii.map((p) => {
    const start = text.indexOf(p.text, p.type === 'name' ? 0 : from);
    assert.ok(start >= 0, `fixture: "${p.text}" not in "${text}"`);
    from = start + p.text.length;
    return { type: p.type, start, end: start + p.text.length };
  });
}

describe('redaction fixture (≥ 100 hand-written sentences)', () => {
  const scored = REDACTION_CASES.map((c) => ({ text: c.text, gold: gold(c.text, c.pii), found: findPersonalData(c.text) }));
  const score = scoreRedaction(scored);

  it('has at least 100 sentences covering every type', () => {
    assert.ok(REDACTION_CASES.length >= 100);
    for (const type of ['name', 'mobile', 'landline', 'id_card', 'bank_card', 'plate', 'email', 'address']) assert.ok(score.perType[type]!.expected >= 4, type);
  });

  it('finds every number-shaped identifier (phones, ID and bank cards, plates, e-mail)', () => {
    for (const type of ['mobile', 'landline', 'id_card', 'bank_card', 'plate', 'email']) {
      const t = score.perType[type]!;
      const missed = scored.filter((c) => c.gold.some((g) => g.type === type && !c.found.some((f) => f.type === type && f.start <= g.start && f.end >= g.end)));
      assert.equal(t.found, t.expected, `${type}: missed in ${missed.map((m) => m.text).join(' | ')}`);
    }
  });

  it('finds at least 90% of names and addresses', () => {
    for (const type of ['name', 'address']) {
      const t = score.perType[type]!;
      assert.ok(t.found / t.expected >= 0.9, `${type} recall ${t.found}/${t.expected}`);
    }
  });

  it('makes at most 3 false detections over the whole fixture', () => {
    assert.ok(score.falsePositives.length + score.wrongType.length <= 3, JSON.stringify([...score.falsePositives, ...score.wrongType]));
  });
});

describe('validation of identifiers', () => {
  it('checks the ID card check character and birth date', () => {
    assert.equal(isValidIdCard('370882198503126376'), true);
    assert.equal(isValidIdCard('37081219730817861x'), true, 'lower-case x');
    assert.equal(isValidIdCard('370882198503126377'), false, 'wrong check character');
    assert.equal(isValidIdCard('370882198502306371'), false, '30 February');
    assert.deepEqual(findPersonalData('编号370882198503126377'), [], 'an 18-digit number failing the check is not an ID');
  });

  it('checks Luhn for bank cards', () => {
    assert.equal(passesLuhn('6222073021573681931'), true);
    assert.equal(passesLuhn('6222073021573681932'), false);
    assert.deepEqual(findPersonalData('流水号6222073021573681932'), []);
  });

  it('does not cut a mobile number out of a longer digit string', () => {
    assert.deepEqual(findPersonalData('订单号2023138123456789012'), []);
  });
});

describe('redactText', () => {
  it('replaces spans with labels and reports them with offsets', () => {
    const text = '我叫张三丰，电话13812345678。';
    const r = redactText(text);
    assert.equal(r.text, '我叫【姓名】，电话【手机号】。');
    assert.deepEqual(r.spans.map((s) => [s.type, s.start, s.end, s.text]), [['name', 2, 5, '张三丰'], ['mobile', 8, 19, '13812345678']]);
  });

  it('masks with stars of the same length and can be limited to some types', () => {
    assert.equal(redactText('电话13812345678，邮箱a@b.cn', { style: 'stars', types: ['mobile'] }).text, '电话***********，邮箱a@b.cn');
  });

  it('keeps the more specific type when detections overlap', () => {
    const r = redactText('身份证370882198503126376');
    assert.deepEqual(r.spans.map((s) => s.type), ['id_card']);
  });

  it('leaves text without personal data unchanged', () => {
    const text = '12345热线一直打不通，地铁3号线施工噪音很大。';
    assert.deepEqual(redactText(text), { text, spans: [] });
  });
});
