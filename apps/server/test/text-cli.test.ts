import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VOCABULARIES } from './text-fixtures';

const BIN = fileURLToPath(new URL('../bin/minsheng.mjs', import.meta.url));

/** Runs `minsheng …` in `cwd`, optionally feeding stdin; resolves with the exit code and output. */
function minsheng(cwd: string, args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
/** Rows of the three vocabularies: `offset` picks other variations for an evaluation file. */
const rows = (count: number, offset: number) => Object.entries(VOCABULARIES).flatMap(([key, make]) => Array.from({ length: count }, (_, i) => {
  const { title, content } = make(i + offset);
  return { title, body: content, label: key.split('.').at(-1) };
}));

/** `minsheng text train|eval|predict` on small generated files, as an operator would run it. */
describe('minsheng text (CLI)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'minsheng-text-'));
    writeFileSync(join(dir, 'train.jsonl'), jsonl(rows(8, 0)));
    writeFileSync(join(dir, 'eval.jsonl'), jsonl(rows(4, 11)));
    writeFileSync(join(dir, 'one-label.jsonl'), jsonl(rows(4, 0).map((r) => ({ ...r, label: 'same' }))));
    writeFileSync(join(dir, 'not-a-model.json'), '{"hello":');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('train writes a model with held-out figures; eval ends with {"accuracy","macroF1"}; predict classifies', async () => {
    const train = await minsheng(dir, ['text', 'train', '--input', 'train.jsonl', '--out', 'model.json']);
    assert.equal(train.code, 0, train.stderr);
    assert.match(train.stdout, /training nbsvm on 24 rows \(text: title \+ body/);
    assert.match(train.stdout, /held-out \d+ rows: accuracy/);
    assert.ok(existsSync(join(dir, 'model.json')));

    const evaluated = await minsheng(dir, ['text', 'eval', '--model', 'model.json', '--input', 'eval.jsonl']);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    const last = JSON.parse(evaluated.stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(Object.keys(last), ['accuracy', 'macroF1']);
    assert.ok(last.accuracy >= 0.75 && last.accuracy <= 1, evaluated.stdout);
    assert.ok(last.macroF1 > 0 && last.macroF1 <= 1);

    const one = await minsheng(dir, ['text', 'predict', '--model', 'model.json', '--text', '小区门口的路灯坏了一个月，晚上一片漆黑']);
    assert.equal(one.code, 0, one.stderr);
    const p = JSON.parse(one.stdout);
    assert.equal(p.label, 'streetlight');
    assert.equal(p.top.length, 3);
    const lines = await minsheng(dir, ['text', 'predict', '--model', 'model.json'], '楼下烧烤店油烟直排\n\n老板拖欠工资三个月不给\n');
    assert.equal(lines.code, 0, lines.stderr);
    assert.deepEqual(lines.stdout.trim().split('\n').map((l) => JSON.parse(l).label), ['catering-fumes', 'wage-arrears']);
  });

  it('bad input exits 2 with the reason and no stack', async () => {
    const cases: [string[], RegExp][] = [
      [['text', 'train', '--input', 'missing.jsonl', '--out', 'm.json'], /cannot read missing\.jsonl/],
      [['text', 'train', '--input', 'one-label.jsonl', '--out', 'm.json'], /at least two labels/],
      [['text', 'train', '--input', 'train.jsonl', '--out', 'm.json', '--label', 'nope'], /nope/],
      [['text', 'eval', '--model', 'not-a-model.json', '--input', 'eval.jsonl'], /not JSON/],
      [['text', 'frobnicate'], /unknown text command/],
      [['text', 'train', '--bogus'], /bogus/],
    ];
    // Each run starts the whole CLI (a few seconds under tsx): two at a time keeps a shared machine usable.
    const results: Awaited<ReturnType<typeof minsheng>>[] = [];
    for (let i = 0; i < cases.length; i += 2) results.push(...await Promise.all(cases.slice(i, i + 2).map(([args]) => minsheng(dir, args))));
    results.forEach((r, i) => {
      const [args, reason] = cases[i]!;
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout} ${r.stderr}`);
      assert.match(r.stderr, reason, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
    assert.equal(existsSync(join(dir, 'm.json')), false);
  });
});
