import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE_COPIES, planTraining } from '../src/modules/text/training/plan-training';
import type { CategoryNode } from '../src/modules/text/training/plan-training';

/** Which categories become classes (分类粒度): pure, no database. */
describe('planTraining', () => {
  const node = (id: string, parentId: string | null, keywords: string[] = [], active = true): CategoryNode => ({ id, parentId, name: `名称${id}`, keywords, active });
  // a → a1 → a1x, a1y; a → a2; b → b1; c (a top level with nothing under it)
  const tree = [node('a', null), node('a1', 'a', ['路灯']), node('a1x', 'a1'), node('a1y', 'a1'), node('a2', 'a'), node('b', null), node('b1', 'b', ['油烟']), node('c', null)];
  const appeals = (categoryId: string, n: number, tag = categoryId) => Array.from({ length: n }, (_, i) => ({ title: `${tag}标题${i}`, content: `${tag}内容${i}`, categoryId }));

  it('a busy leaf is a class; a quiet one rolls up to the nearest ancestor with enough appeals', () => {
    const plan = planTraining(tree, [...appeals('a1x', 5), ...appeals('a1y', 2), ...appeals('a2', 3), ...appeals('b1', 1), ...appeals('b', 4)], 5);
    assert.deepEqual(plan.classes.map((c) => [c.categoryId, c.examples]).sort(), [['a', 5], ['a1x', 5], ['b', 5]]);
    assert.deepEqual(plan.skipped, []);
    assert.equal(plan.rows.filter((r) => r.label === 'a').length, 5, 'a1y and a2 roll up to a (a1 has only 2)');
    assert.equal(plan.rows.length, 15);
  });

  it('what a top-level category cannot gather is skipped and reported; inactive categories are never classes', () => {
    const plan = planTraining([...tree.slice(0, 5), node('b', null, [], false), node('b1', 'b')], [...appeals('a1x', 6), ...appeals('b1', 9), ...appeals('a2', 1)], 5);
    assert.deepEqual(plan.classes.map((c) => c.categoryId), ['a1x', 'b1']);
    assert.deepEqual(plan.skipped, [{ categoryId: 'a', examples: 1 }]);
    const inactiveParent = planTraining([node('b', null, [], false), node('b1', 'b', [], false)], appeals('b1', 9), 5);
    assert.deepEqual([inactiveParent.classes, inactiveParent.skipped], [[], [{ categoryId: 'b', examples: 9 }]]);
  });

  it('identical texts count once; appeals of unknown categories are left out', () => {
    const same = { title: '同一条', content: '完全相同的内容', categoryId: 'a1x' };
    const plan = planTraining(tree, [same, { ...same, content: ' 完全相同的内容 ' }, same, ...appeals('a1x', 3), { ...same, categoryId: 'gone' }], 3);
    assert.equal(plan.duplicatesRemoved, 2);
    assert.equal(plan.unknownCategory, 1);
    assert.deepEqual(plan.classes, [{ categoryId: 'a1x', examples: 4 }]);
  });

  it('catalogue rows (name + keywords) teach each class the words of the categories that roll up into it', () => {
    const plan = planTraining(tree, [...appeals('a1x', 5), ...appeals('a2', 5)], 5);
    const byLabel = (label: string) => plan.catalogue.filter((r) => r.label === label).map((r) => r.text);
    assert.deepEqual(byLabel('a1x'), Array(CATALOGUE_COPIES).fill('名称a1x'));
    assert.deepEqual(byLabel('a2'), Array(CATALOGUE_COPIES).fill('名称a2'));
    assert.equal(plan.catalogue.some((r) => r.text.includes('路灯')), false, 'a1 is no class and has none above it');
    const rolled = planTraining(tree, [...appeals('a1x', 2), ...appeals('a1y', 2), ...appeals('a2', 2)], 5);
    assert.ok(rolled.catalogue.some((r) => r.label === 'a' && r.text === '名称a1 路灯'), 'a1\'s words teach class a');
    assert.equal(rolled.catalogue.filter((r) => r.label === 'a').length, 5 * CATALOGUE_COPIES, 'a, a1, a1x, a1y, a2');
  });
});
