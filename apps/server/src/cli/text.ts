// `minsheng text train|eval|predict` — the category classifier from the command line, no database needed.
// Bad input (missing file or field, no rows, a single label, a file that is not a model) exits 2 with the reason.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import {
  CANDIDATE_KINDS, DEFAULT_ALGORITHM, TextInputError, evaluatePredictions, formatFromName, labelledRows, loadClassifier, readTable, trainClassifier,
} from '@minsheng/text';
import type { Algorithm, ClassifierModel, Evaluation, TableFormat, TableRecord, TextClassifier } from '@minsheng/text';

const USAGE = `minsheng text — category classifier (分类建议)

  minsheng text train --input FILE --out MODEL [--text title,body] [--label label] [--format jsonl|csv|xlsx]
                      [--algorithm nbsvm|svm|logreg|nb|ensemble] [--seed N]
  minsheng text eval --model MODEL --input FILE [--text …] [--label …] [--format …]
  minsheng text predict --model MODEL [--text "标题 正文"]     without --text, classifies each stdin line

--text lists the fields joined in order as the message (default: "text" when the input has it, else title,body);
text may be raw or pre-segmented with spaces. The last line of eval is {"accuracy":…,"macroF1":…}.`;

/** Bad command-line input: printed without a stack, exit code 2. */
class UsageError extends Error {}

async function loadRecords(input: string | undefined, format: string | undefined): Promise<TableRecord[]> {
  if (!input) throw new UsageError('--input FILE is required');
  const fmt = (format ?? formatFromName(input)) as TableFormat | undefined;
  if (!fmt || !['jsonl', 'csv', 'xlsx'].includes(fmt)) throw new UsageError(`cannot tell the format of ${input}: pass --format jsonl|csv|xlsx`);
  let bytes: Buffer;
  try { bytes = readFileSync(input); } catch (err) { throw new UsageError(`cannot read ${input}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`); }
  return readTable(bytes, fmt);
}

function textFields(option: string | undefined, records: readonly TableRecord[]): string[] {
  if (option) return option.split(',').map((f) => f.trim()).filter(Boolean);
  return records.some((r) => 'text' in r) ? ['text'] : ['title', 'body'];
}

function loadModel(path: string | undefined): TextClassifier {
  if (!path) throw new UsageError('--model MODEL is required');
  let raw: string;
  try { raw = readFileSync(path, 'utf8'); } catch (err) { throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`); }
  let json: unknown;
  try { json = JSON.parse(raw); } catch { throw new UsageError(`${path} is not JSON`); }
  return loadClassifier(json as ClassifierModel);
}

const pct = (x: number): string => (x * 100).toFixed(2);

function printEvaluation(e: Evaluation): void {
  console.log(`rows ${e.count}  accuracy ${pct(e.accuracy)}%  macro-F1 ${pct(e.macroF1)}%`);
  console.log('\nclass                 precision  recall      F1  support');
  for (const c of e.perClass) console.log(`${c.label.padEnd(7, '　')}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${pct(c.f1).padStart(6)}  ${String(c.support).padStart(7)}`);
  console.log('\nconfusion matrix (rows: true, columns: predicted)');
  console.log(['', ...e.labels.map((_, k) => `#${k}`)].map((s) => s.padStart(6)).join(''));
  e.confusion.forEach((row, k) => console.log([`#${k}`, ...row.map(String)].map((s) => s.padStart(6)).join('') + `  ${e.labels[k]}`));
}

async function train(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: {
    input: { type: 'string' }, out: { type: 'string' }, text: { type: 'string' }, label: { type: 'string' }, format: { type: 'string' },
    algorithm: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.out) throw new UsageError('--out MODEL is required');
  const algorithm = (values.algorithm ?? DEFAULT_ALGORITHM) as Algorithm;
  if (algorithm !== 'ensemble' && !CANDIDATE_KINDS.includes(algorithm)) throw new UsageError(`--algorithm must be ensemble or one of ${CANDIDATE_KINDS.join(', ')}`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError('--seed takes a whole number');
  const records = await loadRecords(values.input, values.format);
  const fields = textFields(values.text, records);
  const rows = labelledRows(records, fields, values.label ?? 'label');
  console.log(`training ${algorithm} on ${rows.length} rows (text: ${fields.join(' + ')}, label: ${values.label ?? 'label'})`);
  const model = trainClassifier(rows, { algorithm, seed });
  await writeFile(values.out, JSON.stringify(model));
  const e = model.evaluation;
  console.log(`labels: ${model.labels.map((l) => `${l} ${model.training.labelCounts[l]}`).join(', ')}`);
  if (e) console.log(`held-out ${e.rows} rows: accuracy ${pct(e.accuracy)}%, macro-F1 ${pct(e.macroF1)}%, log loss ${e.logLoss.toFixed(3)}`);
  else console.log('too few rows per label to hold any out: no evaluation figures');
  console.log(`model ${model.version} written to ${values.out} (${model.training.seconds.toFixed(1)} s)`);
  return 0;
}

async function evaluate(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { model: { type: 'string' }, input: { type: 'string' }, text: { type: 'string' }, label: { type: 'string' }, format: { type: 'string' } } });
  const classifier = loadModel(values.model);
  const records = await loadRecords(values.input, values.format);
  const rows = labelledRows(records, textFields(values.text, records), values.label ?? 'label');
  const labels = [...classifier.labels];
  const unknown = [...new Set(rows.map((r) => r.label).filter((l) => !labels.includes(l)))];
  if (unknown.length) console.log(`note: label(s) the model does not know, counted as errors: ${unknown.join(', ')}`);
  const all = [...labels, ...unknown];
  const truth = rows.map((r) => all.indexOf(r.label));
  const predicted = rows.map((r) => all.indexOf(classifier.predict(r.text).label));
  const e = evaluatePredictions(all, truth, predicted);
  printEvaluation(e);
  console.log(JSON.stringify({ accuracy: e.accuracy, macroF1: e.macroF1 }));
  return 0;
}

async function predict(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { model: { type: 'string' }, text: { type: 'string' } } });
  const classifier = loadModel(values.model);
  const show = (text: string): void => {
    const p = classifier.predict(text);
    console.log(JSON.stringify({ label: p.label, confidence: round(p.confidence), top: p.top.map((t) => ({ label: t.label, confidence: round(t.confidence) })) }));
  };
  if (values.text !== undefined) {
    if (!values.text.trim()) throw new UsageError('--text is empty');
    show(values.text);
    return 0;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) if (line.trim()) show(line);
  return 0;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** `minsheng text …`; returns the exit code. */
export async function textCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'train': return await train(rest);
      case 'eval': return await evaluate(rest);
      case 'predict': return await predict(rest);
      case undefined: case '--help': case '-h': case 'help': console.log(USAGE); return sub ? 0 : 2;
    }
    console.error(`unknown text command: ${sub}\n\n${USAGE}`);
    return 2;
  } catch (err) {
    // parseArgs reports unknown or malformed options with these codes; they are the caller's mistake too.
    const code = (err as { code?: string }).code ?? '';
    if (err instanceof UsageError || err instanceof TextInputError || code.startsWith('ERR_PARSE_ARGS')) {
      console.error(`error: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
}
