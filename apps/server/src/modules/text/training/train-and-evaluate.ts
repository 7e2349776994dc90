import { evaluatePredictions, loadClassifier, stratifiedSplit, trainClassifier } from '@minsheng/text';
import type { ClassifierModel, ClassMetrics, LabelledText } from '@minsheng/text';

export interface TrainInput {
  rows: LabelledText[];
  catalogue: LabelledText[];
  seed: number;
  now: Date;
}

/** Figures on appeals held out of training: what a dispatcher can expect from the suggestions. */
export interface HeldOutEvaluation {
  rows: number;
  accuracy: number;
  macroF1: number;
  /** Share of held-out appeals whose category was among the three suggestions. */
  top3Accuracy: number;
  perClass: ClassMetrics[];
}

export interface TrainOutput {
  model: ClassifierModel;
  evaluation: HeldOutEvaluation | null;
  seconds: number;
}

/** Share of distinct appeals held out to measure the model; they are trained on in the final fit. */
const HELD_OUT = 0.2;

/**
 * CPU-bound, run in a worker thread. First a model is fitted without a stratified 20 % of the appeals and measured on
 * them (catalogue keyword rows are always trained on, never measured: the figures describe real appeals only);
 * then the final model is fitted on every appeal. Both fits use the package's own calibration.
 */
export function trainAndEvaluate(input: TrainInput): TrainOutput {
  const started = performance.now();
  const { rows, catalogue, seed } = input;
  const split = stratifiedSplit(rows.map((r) => r.label), HELD_OUT, seed);
  let evaluation: HeldOutEvaluation | null = null;
  if (split.test.length > 0) {
    const trial = loadClassifier(trainClassifier([...split.train.map((i) => rows[i]!), ...catalogue], { seed, now: input.now }));
    const labels = [...new Set([...trial.labels, ...rows.map((r) => r.label)])];
    const truth: number[] = [];
    const predicted: number[] = [];
    let top3 = 0;
    for (const i of split.test) {
      const p = trial.predict(rows[i]!.text);
      truth.push(labels.indexOf(rows[i]!.label));
      predicted.push(labels.indexOf(p.label));
      if (p.top.some((t) => t.label === rows[i]!.label)) top3 += 1;
    }
    const e = evaluatePredictions(labels, truth, predicted);
    evaluation = { rows: split.test.length, accuracy: e.accuracy, macroF1: e.macroF1, top3Accuracy: top3 / split.test.length, perClass: e.perClass };
  }
  const model = trainClassifier([...rows, ...catalogue], { seed, now: input.now });
  return { model, evaluation, seconds: (performance.now() - started) / 1000 };
}
