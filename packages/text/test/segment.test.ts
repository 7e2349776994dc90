import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSegmenter, normalizeText } from '../src/index';

describe('normalizeText', () => {
  it('folds full-width forms and case, and drops spaces a segmenter inserted', () => {
    assert.equal(normalizeText('ＡＢＣ１２３４５ 热线'), 'abc12345热线');
    assert.equal(normalizeText('物业 公司 拖欠 工资'), '物业公司拖欠工资');
    assert.equal(normalizeText('  A1 区 LIST PUB  '), 'a1区list pub', 'a space between two Latin words stays');
  });
});

describe('segmenter', () => {
  const seg = createSegmenter();

  it('keeps 12345 vocabulary whole', () => {
    const words = seg.cut('接诉即办，反映占道经营和拖欠工资问题');
    for (const w of ['接诉即办', '占道经营', '拖欠工资']) assert.ok(words.includes(w), `${w} in ${words.join('/')}`);
  });

  it('drops stop words, punctuation and spaces; long numbers become one placeholder', () => {
    assert.deepEqual(seg.tokens('我的电话是13812345678，请尽快处理！'), ['电话', '<num>', '尽快', '处理']);
  });

  it('gives raw text and the same text pre-segmented with spaces the same tokens', () => {
    const raw = '小区物业公司拖欠保洁员工资三个月';
    assert.deepEqual(seg.tokens('小区 物业公司 拖欠 保洁员 工资 三个月'), seg.tokens(raw));
  });

  it('takes extra words from the caller (place and unit names)', () => {
    const name = '兖兴花园东苑';
    assert.ok(!createSegmenter().cut(`${name}停水`).includes(name), 'not a word by default');
    const local = createSegmenter({ words: [name, { word: '兖州区住建局', freq: 50000 }] });
    assert.ok(local.cut(`${name}停水`).includes(name));
    assert.ok(local.tokens('兖州区住建局不作为').includes('兖州区住建局'));
  });

  it('handles empty and whitespace-only text', () => {
    assert.deepEqual(seg.tokens(''), []);
    assert.deepEqual(seg.tokens(' \n\t'), []);
  });
});
