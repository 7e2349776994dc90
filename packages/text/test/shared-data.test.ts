// Checks on the real benchmark messages in ../shared/data (see shared/data/README.md). That data may not be
// committed or shipped, so where it is absent these tests skip and say why; figures live in the bench scripts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectHotTopics, evaluatePredictions, findPersonalData, loadClassifier, stratifiedSplit, trainClassifier } from '../src/index';

const DATA = process.env.BENCH_DATA_DIR ?? join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'), '..', 'shared', 'data');
const file = (name: string): string => join(DATA, name);
const absent = (name: string): string | false => (existsSync(file(name)) ? false : `benchmark data ${file(name)} is absent (it lives in ../shared/data and is never committed)`);
const jsonl = <T>(name: string): T[] => readFileSync(file(name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

describe('on real messages from ../shared/data', () => {
  it('classifies raw held-out messages well after training on pre-segmented ones', { skip: absent('messages-train-tokenized.jsonl') }, () => {
    // A fifth of the data keeps this test quick; `npm run bench:text` measures the full split.
    const rows = jsonl<{ text: string; label: string }>('messages-train-tokenized.jsonl').filter((_, i) => i % 5 === 0);
    const split = stratifiedSplit(rows.map((r) => r.label), 0.25, 1);
    const model = trainClassifier(split.train.map((i) => rows[i]!), { now: new Date(0) });
    const c = loadClassifier(model);
    const labels = [...c.labels];
    const truth = split.test.map((i) => labels.indexOf(rows[i]!.label));
    const predicted = split.test.map((i) => labels.indexOf(c.predict(rows[i]!.text.split(/\s+/).join('')).label));
    const e = evaluatePredictions(labels, truth, predicted);
    assert.ok(e.macroF1 > 0.8, `macro-F1 ${e.macroF1.toFixed(3)} on ${truth.length} raw messages`);
  });

  it('finds topics among real messages and redacts real text without throwing', { skip: absent('messages-hot.jsonl') }, () => {
    const rows = jsonl<{ id: string; title: string; body: string; time: string }>('messages-hot.jsonl').slice(0, 600);
    const topics = detectHotTopics(rows.map((r) => ({ id: r.id, title: r.title, content: r.body, createdAt: `${r.time.replace(' ', 'T')}+08:00` })));
    assert.ok(topics.length > 0 && topics.every((t) => t.size >= 2 && t.label.length > 0));
    for (const r of rows.slice(0, 200)) for (const s of findPersonalData(r.body)) assert.equal(r.body.slice(s.start, s.end), s.text);
  });
});
