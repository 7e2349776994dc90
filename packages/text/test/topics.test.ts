import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectHotTopics } from '../src/index';
import type { TopicAppeal } from '../src/index';

let n = 0;
const appeal = (title: string, content: string, areaCode: string, unitId: string, day: number): TopicAppeal =>
  ({ id: `p${++n}`, title, content, areaCode, unitId, createdAt: new Date(Date.UTC(2026, 2, day, 2)) });

const noise = [
  appeal('学校乱收资料费', '实验小学要求家长交资料费，每人三百元。', '01', 'edu', 3),
  appeal('公交站台破损', '人民路公交站台的顶棚破损多日，下雨没法等车。', '02', 'traffic', 4),
  appeal('社保卡补办', '社保卡丢失后补办需要多长时间？', '03', 'hr', 5),
];
const mixer = [1, 2, 3, 4, 5, 6].map((d) => appeal('搅拌站噪音扰民', `丽发新城附近的搅拌站晚上施工，噪音扰民，第${d}次反映。`, d % 2 ? '01' : '02', 'env', d));
const water = [2, 3, 4].map((d) => appeal('小区停水', `幸福小区停水${d}天了，物业说是管道维修，没有通知。`, '03', 'water', d));

describe('detectHotTopics', () => {
  const previous = [appeal('搅拌站噪音', '丽发新城搅拌站噪音扰民，晚上施工。', '01', 'env', 1), appeal('搅拌站夜间施工', '搅拌站晚上施工噪音大。', '01', 'env', 1)];
  const topics = detectHotTopics([...noise, ...mixer, ...water], { previous });

  it('groups appeals about the same thing, biggest first, and drops singletons', () => {
    assert.equal(topics.length, 2);
    assert.deepEqual(topics[0]!.appealIds.sort(), mixer.map((a) => a.id).sort());
    assert.deepEqual(topics[1]!.appealIds.sort(), water.map((a) => a.id).sort());
  });

  it('labels a topic with its heaviest terms and a representative title', () => {
    assert.ok(topics[0]!.terms.includes('搅拌站'), topics[0]!.terms.join(','));
    assert.ok(topics[0]!.label.includes('搅拌站'));
    assert.equal(topics[0]!.representativeTitle, '搅拌站噪音扰民');
    assert.ok(topics[1]!.label.includes('停水'), topics[1]!.label);
  });

  it('reports areas, units, time span and growth against the previous period', () => {
    const t = topics[0]!;
    assert.equal(t.size, 6);
    assert.deepEqual(t.areas, [{ key: '01', count: 3 }, { key: '02', count: 3 }]);
    assert.deepEqual(t.units, [{ key: 'env', count: 6 }]);
    assert.equal(t.previousSize, 2);
    assert.equal(t.growth, 2);
    assert.equal(t.firstAt, '2026-03-01T02:00:00.000Z');
    assert.equal(t.lastAt, '2026-03-06T02:00:00.000Z');
    assert.equal(topics[1]!.previousSize, 0);
    assert.equal(topics[1]!.growth, null, 'a new topic has no growth ratio');
  });

  it('respects minSize and limit, and copes with an empty period', () => {
    assert.equal(detectHotTopics([...noise, ...mixer, ...water], { minSize: 4 }).length, 1);
    assert.equal(detectHotTopics([...noise, ...mixer, ...water], { limit: 1 }).length, 1);
    assert.deepEqual(detectHotTopics([]), []);
  });
});
