import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dailyCounts, detectSpikes, groupRiskAppeals, localDay, negativeBinomialUpperTail, poissonUpperTail, scanRiskKeywords } from '../src/index';
import type { DailyCount } from '../src/index';
import { createRandom } from '../src/random';

const day = (i: number): string => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);

/** Poisson sample by inversion (Knuth), deterministic through the seeded PRNG. */
function poisson(lambda: number, random: () => number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do { k++; p *= random(); } while (p > l);
  return k - 1;
}

describe('tail probabilities', () => {
  it('match exact Poisson values', () => {
    assert.ok(Math.abs(poissonUpperTail(1, 2) - (1 - Math.exp(-2))) < 1e-12);
    // P(X ≥ 3 | λ = 1) = 1 − e⁻¹(1 + 1 + 1/2)
    assert.ok(Math.abs(poissonUpperTail(3, 1) - (1 - Math.exp(-1) * 2.5)) < 1e-12);
    assert.equal(poissonUpperTail(0, 5), 1);
    assert.ok(poissonUpperTail(40, 3) < 1e-20, 'far tails stay accurate instead of rounding to 0 by subtraction');
  });

  it('negative binomial has a heavier tail than Poisson with the same mean', () => {
    assert.ok(negativeBinomialUpperTail(12, 4, 12) > poissonUpperTail(12, 4));
    assert.ok(Math.abs(negativeBinomialUpperTail(5, 4, 4) - poissonUpperTail(5, 4)) < 1e-12, 'no over-dispersion: Poisson');
    // r = 1, p = 0.5 is geometric: P(X ≥ k) = 0.5^k
    assert.ok(Math.abs(negativeBinomialUpperTail(4, 1, 2) - 0.5 ** 4) < 1e-9);
  });
});

describe('detectSpikes', () => {
  const random = createRandom(42);
  const counts: DailyCount[] = [];
  for (let i = 0; i < 60; i++) {
    counts.push({ date: day(i), categoryId: 'noise', areaCode: 'A', count: i === 45 ? 18 : poisson(3, random) });
    counts.push({ date: day(i), categoryId: 'water', areaCode: 'A', count: poisson(5, random) });
    counts.push({ date: day(i), categoryId: 'noise', areaCode: 'B', count: poisson(1, random) });
  }

  it('finds the injected spike and nothing in the steady series', () => {
    const spikes = detectSpikes(counts);
    assert.deepEqual(spikes.map((s) => [s.date, s.categoryId, s.areaCode]), [[day(45), 'noise', 'A']]);
    const [s] = spikes;
    assert.equal(s!.count, 18);
    assert.ok(s!.expected > 2 && s!.expected < 4.5, `baseline ${s!.expected}`);
    assert.ok(s!.pValue < 1e-6 && s!.score > 6 && s!.ratio > 4);
  });

  it('judges only the requested days and needs enough history', () => {
    assert.deepEqual(detectSpikes(counts, { days: [day(44)] }), []);
    assert.equal(detectSpikes(counts, { days: [day(45)] }).length, 1);
    assert.deepEqual(detectSpikes([{ date: day(0), categoryId: 'x', areaCode: 'A', count: 50 }]), [], 'no history, no judgement');
  });

  it('does not flag a busy day in a series that is always this variable', () => {
    const bursty: DailyCount[] = [];
    for (let i = 0; i < 40; i++) bursty.push({ date: day(i), categoryId: 'c', areaCode: 'A', count: i % 7 === 0 ? 14 : 2 });
    const spikes = detectSpikes(bursty, { days: [day(35)] });
    assert.deepEqual(spikes, [], 'weekly peaks of 14 are the norm here');
  });

  it('a silent series waking up to many appeals is a spike', () => {
    const quiet: DailyCount[] = [{ date: day(0), categoryId: 'gas', areaCode: 'C', count: 0 }, { date: day(20), categoryId: 'gas', areaCode: 'C', count: 8 }];
    const [s] = detectSpikes(quiet);
    assert.equal(s?.date, day(20));
    assert.equal(s?.model, 'poisson');
  });
});

describe('dailyCounts', () => {
  it('counts per China-local day, category and area', () => {
    assert.equal(localDay('2026-03-01T16:30:00Z'), '2026-03-02', '00:30 in Beijing is the next day');
    const c = dailyCounts([
      { createdAt: '2026-03-01T01:00:00Z', categoryId: 'n', areaCode: 'A' },
      { createdAt: '2026-03-01T15:00:00Z', categoryId: 'n', areaCode: 'A' },
      { createdAt: '2026-03-01T17:00:00Z', categoryId: 'n', areaCode: 'A' },
    ]);
    assert.deepEqual(c.map((x) => [x.date, x.count]), [['2026-03-01', 2], ['2026-03-02', 1]], '15:00Z is 23:00 in Beijing, 17:00Z is 01:00 next day');
  });
});

describe('risk keywords', () => {
  it('finds keywords with a snippet and reports a phrase once, not its parts', () => {
    const hits = scanRiskKeywords('工人们说如果再不发工资就要集体上访，还要去堵路');
    assert.deepEqual(hits.map((h) => h.term), ['集体上访', '堵路']);
    assert.equal(hits[0]!.level, 'high');
    assert.ok(hits[0]!.snippet.includes('集体上访'));
  });

  it('groups appeals by keyword, high level first, with areas; the list is configurable', () => {
    const groups = groupRiskAppeals([
      { id: '1', title: '讨薪', content: '老板拖欠工资，我们准备讨薪', areaCode: 'A' },
      { id: '2', title: '燃气泄漏', content: '楼道里有燃气泄漏的味道', areaCode: 'B' },
      { id: '3', title: '欠薪', content: '工地拖欠工资半年', areaCode: 'C' },
      { id: '4', title: '路灯', content: '路灯不亮', areaCode: 'A' },
    ]);
    assert.deepEqual(groups.map((g) => [g.term, g.appealIds]), [['燃气泄漏', ['2']], ['拖欠工资', ['1', '3']], ['欠薪', ['3']], ['讨薪', ['1']]]);
    assert.deepEqual(groups[1]!.areas, ['A', 'C']);
    const custom = groupRiskAppeals([{ id: '9', title: '', content: '要去市政府门口拉横幅' }], [{ term: '市政府门口', level: 'high', kind: '群体性' }]);
    assert.deepEqual(custom.map((g) => g.term), ['市政府门口']);
  });
});
