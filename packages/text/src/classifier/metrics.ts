/** Precision, recall and F1 of one class. */
export interface ClassMetrics {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Evaluation of predicted against true labels; `confusion[trueIndex][predictedIndex]` counts messages. */
export interface Evaluation {
  count: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  labels: string[];
  confusion: number[][];
}

/** Accuracy, macro-F1 (unweighted mean over classes present in truth or predictions), per-class figures. */
export function evaluatePredictions(labels: readonly string[], truth: ArrayLike<number>, predicted: ArrayLike<number>): Evaluation {
  const K = labels.length;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let correct = 0;
  for (let n = 0; n < truth.length; n++) {
    confusion[truth[n]!]![predicted[n]!]! += 1;
    if (truth[n] === predicted[n]) correct++;
  }
  const perClass: ClassMetrics[] = labels.map((label, k) => {
    const tp = confusion[k]![k]!;
    const support = confusion[k]!.reduce((s, v) => s + v, 0);
    const predictedCount = confusion.reduce((s, row) => s + row[k]!, 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
  const counted = perClass.filter((c, k) => c.support > 0 || confusion.some((row) => row[k]! > 0));
  const macroF1 = counted.length ? counted.reduce((s, c) => s + c.f1, 0) / counted.length : 0;
  return { count: truth.length, accuracy: truth.length ? correct / truth.length : 0, macroF1, perClass, labels: [...labels], confusion };
}
