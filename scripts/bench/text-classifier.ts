// `npm run bench:text` — category classifier candidates on held-out real messages.
//
// Data: ../shared/data/messages-train-tokenized.jsonl (7,785 labelled messages, already segmented with stop
// words removed; see shared/data/README.md — never committed). Skips with a message when the folder is absent.
//
// Design: a stratified split (BENCH_TEST_FRACTION, default 0.2) per seed. Each candidate is trained through the
// product's own `trainClassifier` on the training part exactly as `minsheng text train` would (pre-segmented
// text, which the tokenizer normalises and re-segments), then the model goes through JSON and is loaded back.
// The held-out part is scored twice:
//   raw        tokens joined without spaces — the raw string a citizen would have typed, minus the stop words
//              the data's publisher removed — segmented by our tokenizer (the product's intake path)
//   pretok     the pre-segmented text as given
// Also printed: figures on held-out rows whose exact text does not occur in the training part (the data holds
// repeated messages), training seconds (includes tokenising, the internal calibration fit and the final fit),
// single-core prediction throughput on raw text, and one-prediction latency.
//
// Environment:
//   BENCH_CANDIDATES=nb,logreg,svm,nbsvm,ensemble   which models to compare
//   BENCH_SEEDS=1            comma-separated split seeds (each adds a full round)
//   BENCH_TEST_FRACTION=0.2
//   BENCH_FEATURES='{"bits":17,"charNgrams":[1,3]}'  feature overrides (JSON) to compare against the default
//   BENCH_DATA_DIR           defaults to ../shared/data next to the repository
import { cpus, loadavg } from 'node:os';
import { DEFAULT_FEATURES, evaluatePredictions, loadClassifier, stratifiedSplit, trainClassifier } from '@minsheng/text';
import type { Algorithm, FeatureOptions } from '@minsheng/text';
import { median, percentile, readBenchJsonl } from './text-data';

const TARGETS = { macroF1: 0.92, trainSeconds: 60, perSecond: 2000, latencyMs: 20 };

interface Row { label: string; text: string }

function main(): number {
  const rows = readBenchJsonl<Row>('messages-train-tokenized.jsonl', 'bench:text');
  if (!rows) return 0;
  const candidates = (process.env.BENCH_CANDIDATES ?? 'nb,logreg,svm,nbsvm,ensemble').split(',').map((s) => s.trim()) as Algorithm[];
  const seeds = (process.env.BENCH_SEEDS ?? '1').split(',').map(Number);
  const testFraction = Number(process.env.BENCH_TEST_FRACTION ?? 0.2);
  const features = JSON.parse(process.env.BENCH_FEATURES ?? '{}') as Partial<FeatureOptions>;
  console.log(`${rows.length} labelled messages; held-out fraction ${testFraction}; seeds ${seeds.join(',')}; features ${JSON.stringify({ ...DEFAULT_FEATURES, ...features })}`);

  const table: string[][] = [];
  for (const seed of seeds) {
    const split = stratifiedSplit(rows.map((r) => r.label), testFraction, seed);
    const train = split.train.map((i) => rows[i]!);
    const test = split.test.map((i) => rows[i]!);
    const trainTexts = new Set(train.map((r) => r.text));
    const unseen = test.map((r, n) => (trainTexts.has(r.text) ? -1 : n)).filter((n) => n >= 0);
    console.log(`\nseed ${seed}: train ${train.length}, test ${test.length} (${test.length - unseen.length} test texts also occur verbatim in train)`);
    for (const algorithm of candidates) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const model = trainClassifier(train, { algorithm, seed, features });
      const trainSeconds = (performance.now() - t0) / 1000;
      const trainCpu = process.cpuUsage(cpu0).user / 1e6;
      const json = JSON.stringify(model);
      const classifier = loadClassifier(JSON.parse(json));
      const labels = classifier.labels;
      const truth = test.map((r) => labels.indexOf(r.label));
      const argmax = (p: Float64Array): number => p.indexOf(Math.max(...p));

      const raw = test.map((r) => r.text.split(/\s+/).join(''));
      classifier.predict(raw[0]!); // warm-up: JIT and the segmenter's dictionary
      const latencies: number[] = [];
      const t1 = performance.now();
      const cpu1 = process.cpuUsage();
      const rawPred = raw.map((text) => { const s = performance.now(); const k = argmax(classifier.probabilities(text)); latencies.push(performance.now() - s); return k; });
      const seconds = (performance.now() - t1) / 1000;
      const predictCpu = process.cpuUsage(cpu1).user / 1e6;
      const preTokPred = test.map((r) => argmax(classifier.probabilities(r.text)));
      const eRaw = evaluatePredictions(labels, truth, rawPred);
      const ePre = evaluatePredictions(labels, truth, preTokPred);
      const eUnseen = evaluatePredictions(labels, unseen.map((n) => truth[n]!), unseen.map((n) => rawPred[n]!));
      table.push([String(seed), algorithm, eRaw.macroF1.toFixed(4), eRaw.accuracy.toFixed(4), ePre.macroF1.toFixed(4), eUnseen.macroF1.toFixed(4),
        (model.evaluation?.logLoss ?? NaN).toFixed(3), trainSeconds.toFixed(1), trainCpu.toFixed(1), Math.round(test.length / seconds).toString(), Math.round(test.length / predictCpu).toString(),
        median(latencies).toFixed(2), percentile(latencies, 0.99).toFixed(2), (json.length / 1e6).toFixed(1)]);
      console.log(`  ${algorithm}: raw macro-F1 ${eRaw.macroF1.toFixed(4)}, accuracy ${eRaw.accuracy.toFixed(4)}, train ${trainSeconds.toFixed(1)} s`);
      if (process.env.BENCH_VERBOSE) for (const c of eRaw.perClass) console.log(`    ${c.label.padEnd(8, '　')} P ${c.precision.toFixed(3)} R ${c.recall.toFixed(3)} F1 ${c.f1.toFixed(3)} (${c.support})`);
    }
  }
  const head = ['seed', 'model', 'F1 raw', 'acc raw', 'F1 pretok', 'F1 unseen', 'logloss', 'train s', 'cpu s', 'msg/s', 'msg/cpu-s', 'p50 ms', 'p99 ms', 'MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  console.log(`\n${head.map((h, i) => h.padStart(widths[i]!)).join('  ')}`);
  for (const r of table) console.log(r.map((c, i) => c.padStart(widths[i]!)).join('  '));
  console.log(`\ntargets: macro-F1 ≥ ${TARGETS.macroF1} on raw unseen messages, training < ${TARGETS.trainSeconds} s, ≥ ${TARGETS.perSecond} msg/s, one prediction < ${TARGETS.latencyMs} ms`);
  console.log('logloss: calibrated log loss on the trainer\'s own internal held-out 10% (lower is better)');
  console.log('train s / msg/s are wall-clock; cpu s / msg/cpu-s use this process\'s CPU time, fairer when other work shares the machine');
  console.log(`load average now: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  return 0;
}

process.exitCode = main();
