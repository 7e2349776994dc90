import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CANDIDATE_KINDS, TextInputError, evaluatePredictions, loadClassifier, stratifiedSplit, trainClassifier } from '../src/index';
import type { ClassifierModel } from '../src/index';
import { fitTemperature, softmax } from '../src/classifier/calibration';
import { createRandom } from '../src/random';
import { syntheticCorpus } from './classifier-fixture';

const NOW = new Date('2026-03-01T08:00:00Z');
const corpus = syntheticCorpus(30, 1);
// Small features keep these tests quick; the benchmark measures the real configuration.
const small = { bits: 14 };

describe('trainClassifier and loadClassifier', () => {
  for (const algorithm of [...CANDIDATE_KINDS, 'ensemble'] as const) {
    it(`${algorithm}: learns the synthetic categories and predicts raw text`, () => {
      const model = trainClassifier(corpus, { algorithm, features: small, now: NOW });
      const c = loadClassifier(model);
      assert.equal(c.predict('我们单位拖欠工资半年了，也不交社保').label, '劳动和社会保障');
      assert.equal(c.predict('半夜搅拌站噪音扰民，还有扬尘').label, '环境保护');
      assert.equal(c.predict('孩子学校乱收补课费').label, '教育文体');
      assert.ok(model.evaluation && model.evaluation.macroF1 > 0.9, `held-out macro-F1 ${model.evaluation?.macroF1}`);
    });
  }

  it('returns calibrated probabilities that sum to 1 and the top 3 in order', () => {
    const c = loadClassifier(trainClassifier(corpus, { algorithm: 'svm', features: small, now: NOW }));
    const p = c.predict('小区电梯经常停运，物业不作为');
    const sum = Object.values(p.probabilities).reduce((s, x) => s + x, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `sum ${sum}`);
    assert.equal(p.top.length, 3);
    assert.equal(p.top[0]!.label, p.label);
    assert.equal(p.top[0]!.confidence, p.confidence);
    assert.ok(p.top[0]!.confidence >= p.top[1]!.confidence && p.top[1]!.confidence >= p.top[2]!.confidence);
    assert.equal(p.label, '城乡建设');
  });

  it('survives JSON: the stored model predicts exactly what the trained one does', () => {
    const model = trainClassifier(corpus, { algorithm: 'ensemble', features: small, now: NOW, version: 'test-1' });
    const stored = JSON.parse(JSON.stringify(model)) as ClassifierModel;
    assert.equal(stored.version, 'test-1');
    assert.equal(stored.createdAt, NOW.toISOString());
    assert.deepEqual(stored.labels, ['劳动和社会保障', '城乡建设', '教育文体', '环境保护'].sort());
    assert.ok(stored.evaluation && stored.evaluation.confusion.length === 4);
    const a = loadClassifier(model);
    const b = loadClassifier(stored);
    for (const text of ['工厂偷排污水', '幼儿园收费太贵', '开发商延期交房']) assert.deepEqual(b.predict(text), a.predict(text));
  });

  it('is deterministic for a seed', () => {
    const a = trainClassifier(corpus, { algorithm: 'svm', features: small, now: NOW, seed: 3 });
    const b = trainClassifier(corpus, { algorithm: 'svm', features: small, now: NOW, seed: 3 });
    assert.equal(a.members[0]!.weights.int16, b.members[0]!.weights.int16);
  });

  it('uses the caller\'s words at prediction too (they are stored in the model)', () => {
    const model = trainClassifier(corpus, { algorithm: 'nb', features: small, now: NOW, words: ['兖兴花园'] });
    assert.deepEqual(loadClassifier(JSON.parse(JSON.stringify(model))).model.tokenizer.words, ['兖兴花园']);
  });

  it('still trains when a class is too small to hold rows out (no evaluation then)', () => {
    const model = trainClassifier([...corpus.slice(0, 20), { text: '学校乱收补课费', label: '教育文体' }], { algorithm: 'nb', features: small, now: NOW });
    assert.equal(model.evaluation, null);
    assert.equal(loadClassifier(model).labels.length, 2);
  });

  it('analyses only the first maxChars characters when asked to', () => {
    const c = loadClassifier(trainClassifier(corpus, { algorithm: 'svm', features: { ...small, maxChars: 8 }, now: NOW }));
    assert.equal(c.predict(`孩子学校乱收补课费${'工厂夜间偷排污水'.repeat(5)}`).label, '教育文体');
  });

  it('rejects empty data, a single label and blank labels with invalid_input', () => {
    const code = (f: () => unknown): string | undefined => { try { f(); } catch (e) { return e instanceof TextInputError ? e.code : 'other'; } return undefined; };
    assert.equal(code(() => trainClassifier([])), 'invalid_input');
    assert.equal(code(() => trainClassifier([{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }])), 'invalid_input');
    assert.equal(code(() => trainClassifier([{ text: 'a', label: 'x' }, { text: 'b', label: ' ' }])), 'invalid_input');
  });

  it('rejects something that is not a model with invalid_model', () => {
    const model = trainClassifier(corpus, { algorithm: 'nb', features: small, now: NOW });
    for (const bad of [{}, { ...model, format: 'other' }, { ...model, formatVersion: 99 }, { ...model, idf: '' }]) {
      assert.throws(() => loadClassifier(bad as ClassifierModel), (e: unknown) => e instanceof TextInputError && e.code === 'invalid_model');
    }
  });
});

describe('calibration', () => {
  it('softmax sums to 1 and a temperature flattens it without changing the order', () => {
    const p = softmax([2, 1, 0]);
    const q = softmax([2, 1, 0], 4);
    assert.ok(Math.abs(p.reduce((s, x) => s + x, 0) - 1) < 1e-12);
    assert.ok(q[0]! < p[0]! && q[0]! > q[1]! && q[1]! > q[2]!);
  });

  it('fitTemperature recovers the temperature that generated the labels', () => {
    const random = createRandom(9);
    const scores: Float64Array[] = [];
    const labels: number[] = [];
    for (let n = 0; n < 4000; n++) {
      const s = Float64Array.from({ length: 3 }, () => random() * 6);
      const p = softmax(s, 2.5);
      const u = random();
      labels.push(u < p[0]! ? 0 : u < p[0]! + p[1]! ? 1 : 2);
      scores.push(s);
    }
    const t = fitTemperature(scores, labels);
    assert.ok(Math.abs(t - 2.5) < 0.3, `fitted ${t}`);
  });
});

describe('evaluation helpers', () => {
  it('computes accuracy, per-class figures, macro-F1 and the confusion matrix', () => {
    const e = evaluatePredictions(['a', 'b'], [0, 0, 1, 1], [0, 1, 1, 1]);
    assert.equal(e.accuracy, 0.75);
    assert.deepEqual(e.confusion, [[1, 1], [0, 2]]);
    assert.equal(e.perClass[0]!.precision, 1);
    assert.equal(e.perClass[0]!.recall, 0.5);
    assert.ok(Math.abs(e.perClass[1]!.f1 - 0.8) < 1e-12);
    assert.ok(Math.abs(e.macroF1 - (2 / 3 + 0.8) / 2) < 1e-12);
  });

  it('stratifiedSplit holds out the same share of every class, deterministically', () => {
    const labels = [...Array(50).fill('a'), ...Array(10).fill('b'), 'c'];
    const s = stratifiedSplit(labels, 0.2, 1);
    assert.equal(s.test.filter((i) => labels[i] === 'a').length, 10);
    assert.equal(s.test.filter((i) => labels[i] === 'b').length, 2);
    assert.equal(s.test.filter((i) => labels[i] === 'c').length, 0, 'a single row stays in training');
    assert.deepEqual(stratifiedSplit(labels, 0.2, 1), s);
    assert.equal(s.train.length + s.test.length, labels.length);
  });
});
