import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateIndex, commonBound, createSegmenter, duplicateFeatures, findDuplicates, jaccard, minhash, prepareDuplicateText, scorePrepared, shingleSet, shingleSketch } from '../src/index';
import type { AppealText } from '../src/index';
import { syntheticCorpus } from './classifier-fixture';

const base: AppealText = {
  id: 'a1', title: '丽发新城附近搅拌站噪音扰民', content: '丽发新城小区附近的搅拌站每天晚上十点以后还在作业，噪音非常大，严重影响居民休息，请相关部门尽快处理。',
  areaCode: '370812001', categoryId: 'env', createdAt: '2026-03-01T10:00:00+08:00',
};

describe('shingles and MinHash', () => {
  it('Jaccard is 1 for the same text whatever the punctuation and spacing, and low for unrelated text', () => {
    assert.equal(jaccard(shingleSet('搅拌站噪音扰民！！'), shingleSet('搅拌站 噪音，扰民')), 1);
    assert.ok(jaccard(shingleSet(base.content), shingleSet('学校食堂饭菜质量差，孩子经常吃不饱。')) < 0.05);
  });

  it('MinHash agreement estimates Jaccard', () => {
    const a = shingleSet(base.content);
    const b = shingleSet(`${base.content.slice(0, 40)}希望尽快解决。`);
    const sa = minhash(a, 256);
    const sb = minhash(b, 256);
    const agree = sa.filter((v, i) => v === sb[i]).length / 256;
    assert.ok(Math.abs(agree - jaccard(a, b)) < 0.12, `estimate ${agree} vs ${jaccard(a, b)}`);
  });
});

describe('findDuplicates', () => {
  const repeat: AppealText = { ...base, id: 'a2', content: `${base.content}已经反映过多次了。`, createdAt: '2026-03-02T09:00:00+08:00' };
  const paraphrase: AppealText = { ...base, id: 'a3', title: '搅拌站晚上作业噪音扰民', content: '丽发新城旁边的搅拌站晚上十点以后还在作业，噪音很大，影响居民休息。', areaCode: '370812001', createdAt: '2026-03-01T20:00:00+08:00' };
  const other: AppealText = { id: 'b1', title: '学校乱收费', content: '实验小学要求家长交资料费，每人三百元，希望教育局调查。', areaCode: '370812001', categoryId: 'edu', createdAt: '2026-03-01T11:00:00+08:00' };
  const old: AppealText = { ...repeat, id: 'a4', createdAt: '2025-10-01T09:00:00+08:00' };

  it('finds the repeat and the paraphrase, explains why, and ignores the unrelated and the too old', () => {
    const matches = findDuplicates(base, [base, repeat, paraphrase, other, old]);
    assert.deepEqual(matches.map((m) => m.id), ['a2', 'a3']);
    const [m] = matches;
    assert.ok(m!.score > 0.8 && m!.textSimilarity > 0.8);
    assert.equal(m!.sameArea, true);
    assert.equal(m!.sameCategory, true);
    assert.equal(m!.hoursApart, 23);
    assert.ok(m!.sharedTerms.includes('搅拌站') && m!.sharedTerms.includes('噪音'), m!.sharedTerms.join(','));
    assert.ok(m!.reasons.some((r) => r.startsWith('文本相似度')) && m!.reasons.includes('相隔 23 小时') && m!.reasons.includes('同一区域 370812001'));
  });

  it('scores the same wording lower when area and category differ', () => {
    const elsewhere = { ...repeat, id: 'a5', areaCode: '370882001', categoryId: 'other' };
    const [same] = findDuplicates(base, [repeat]);
    const [diff] = findDuplicates(base, [elsewhere]);
    assert.ok(same!.score > diff!.score);
    assert.equal(diff!.sameArea, false);
    assert.ok(diff!.reasons.includes('不同区域'));
  });

  it('honours threshold, time window and content-only comparison', () => {
    assert.deepEqual(findDuplicates(base, [paraphrase], { threshold: 0.95 }), []);
    assert.deepEqual(findDuplicates(base, [old], { maxHoursApart: 24 * 365 }).map((m) => m.id), ['a4']);
    const sameTitleOnly = { ...other, id: 'c1', title: base.title };
    assert.deepEqual(findDuplicates(base, [sameTitleOnly], { includeTitle: false }), []);
  });

  it('an index answers repeated queries without rebuilding', () => {
    const index = new DuplicateIndex();
    index.add(repeat, paraphrase, other);
    assert.deepEqual(index.find(base).map((m) => m.id), ['a2', 'a3']);
    assert.deepEqual(index.find(other), []);
  });
});

describe('prepared features and exact scoring of a whole pool', () => {
  const segmenter = createSegmenter();
  // Short synthetic appeals over four subjects: many near-duplicates, many unrelated pairs, a few empty texts.
  const pool: AppealText[] = [
    ...syntheticCorpus(12, 7).map((r, i) => ({
      id: `s${i}`, title: r.text.split('\n')[0], content: r.text.split('\n')[1]!, areaCode: i % 3 ? '370812001' : '370812002',
      categoryId: r.label, createdAt: Date.parse('2026-03-01T00:00:00+08:00') + i * 7_200_000,
    })),
    { id: 'e1', content: '', createdAt: '2026-03-01T00:00:00+08:00' },
    { id: 'e2', title: '？', content: '。。', createdAt: '2026-03-01T00:00:00+08:00' },
  ];
  const prepared = pool.map((d) => prepareDuplicateText(d, segmenter));

  it('the fingerprint bound is never below the true number of shared shingles', () => {
    for (const a of prepared) for (const b of prepared) {
      const shared = Math.round((jaccard(a.shingles, b.shingles) * (a.shingles.length + b.shingles.length)) / (1 + jaccard(a.shingles, b.shingles)));
      assert.ok(commonBound(a.sketch, b.sketch) >= shared, `${a.id}/${b.id}`);
    }
    const long = shingleSet(base.content.repeat(3) + pool.map((d) => d.content).join(''));
    assert.ok(commonBound(shingleSketch(long), shingleSketch(long)) >= long.length, 'a saturated fingerprint still bounds');
  });

  it('skipping pairs by bounds changes nothing: the same matches as scoring every pair with no threshold', () => {
    for (const threshold of [0.3, 0.5, 0.7]) {
      for (const c of prepared) {
        const all = scorePrepared(c, prepared, { threshold: 0, minTextSimilarity: 0, limit: Infinity });
        const expected = all.filter((m) => m.textSimilarity >= 0.2 && m.score >= threshold).map((m) => m.id);
        assert.deepEqual(scorePrepared(c, prepared, { threshold, limit: Infinity }).map((m) => m.id), expected, `${c.id} at ${threshold}`);
      }
    }
  });

  it('an index and a whole-pool scoring agree on what the index proposes, and the index is findDuplicates', () => {
    const index = new DuplicateIndex({ limit: 50 }, segmenter);
    index.add(...pool);
    for (const [i, doc] of pool.entries()) {
      const whole = new Map(scorePrepared(prepared[i]!, prepared, { limit: 50 }).map((m) => [m.id, m]));
      for (const m of index.find(doc)) assert.deepEqual(m, whole.get(m.id));
    }
    assert.deepEqual(scorePrepared(prepareDuplicateText(base, segmenter), [base, { ...base, id: 'a2' }].map((d) => prepareDuplicateText(d, segmenter))), findDuplicates(base, [{ ...base, id: 'a2' }]));
  });

  it('features prepared for a cache are those of a prepared appeal; shared words keep the query\'s order', () => {
    const { shingles, sketch, termKeys } = prepareDuplicateText(base, segmenter);
    assert.deepEqual(duplicateFeatures(base, segmenter), { shingles, sketch, termKeys });
    assert.deepEqual(duplicateFeatures(base, segmenter, false).shingles, shingleSet(base.content));
    const query = prepareDuplicateText(base, segmenter);
    const [m] = scorePrepared(query, [prepareDuplicateText({ ...base, id: 'a2', content: `${base.content}已经反映过多次了。` }, segmenter)]);
    assert.deepEqual(m!.sharedTerms, query.terms.filter((t) => m!.sharedTerms.includes(t)));
    assert.ok(m!.sharedTerms.length >= 8, m!.sharedTerms.join(','));
  });
});
