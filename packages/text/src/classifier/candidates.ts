import { compactTrainingSet } from './compact';
import type { LinearScorer, TrainingSet } from './linear';
import { multiclassHingeGradient, softmaxGradient } from './losses';
import { trainNaiveBayes } from './naive-bayes';
import { nbFeatureScale } from './nb-scale';
import { trainSgd } from './sgd';

/** The model families compared by `npm run bench:text`. */
export type CandidateKind = 'nb' | 'logreg' | 'svm' | 'nbsvm';

export const CANDIDATE_KINDS: readonly CandidateKind[] = ['nb', 'logreg', 'svm', 'nbsvm'];

/** Hyper-parameters; the defaults were chosen on held-out splits of the benchmark data (see the bench script). */
export interface CandidateOptions {
  /** L2 strength of the SGD models. */
  lambda: number;
  epochs: number;
  /** Initial SGD learning rate; the softmax needs a larger one than the hinge losses to converge in 10 epochs. */
  eta0: number;
  /** 0 = unweighted, 1 = balanced class weights (each class counts as much in the loss whatever its size). */
  classWeightPower: number;
  /** NB smoothing (nb, and the NB ratios of nbsvm). */
  alpha: number;
  seed: number;
}

const DEFAULTS: Record<CandidateKind, CandidateOptions> = {
  nb: { lambda: 0, epochs: 0, eta0: 0, classWeightPower: 0, alpha: 0.01, seed: 7 },
  logreg: { lambda: 1e-5, epochs: 10, eta0: 2, classWeightPower: 0.5, alpha: 0, seed: 7 },
  svm: { lambda: 1e-5, epochs: 10, eta0: 0.5, classWeightPower: 0.5, alpha: 0, seed: 7 },
  nbsvm: { lambda: 1e-5, epochs: 10, eta0: 0.5, classWeightPower: 0.5, alpha: 0.01, seed: 7 },
};

/** Default hyper-parameters of a candidate. */
export function candidateDefaults(kind: CandidateKind): CandidateOptions {
  return { ...DEFAULTS[kind] };
}

/**
 * Fits one candidate. nb: complement naive Bayes. logreg: multinomial logistic regression. svm: Crammer–Singer
 * multi-class linear SVM. nbsvm: the same SVM on features scaled per class by NB log-count ratios (at least 1×),
 * which on the benchmark added about half a point of macro-F1 over the plain SVM.
 */
export function fitCandidate(kind: CandidateKind, full: TrainingSet, overrides: Partial<CandidateOptions> = {}): LinearScorer {
  const o = { ...DEFAULTS[kind], ...overrides };
  const { set, expand } = compactTrainingSet(full);
  return expand(fitCompact(kind, set, o));
}

function fitCompact(kind: CandidateKind, set: TrainingSet, o: CandidateOptions): LinearScorer {
  const sgd = { lambda: o.lambda, epochs: o.epochs, eta0: o.eta0, classWeightPower: o.classWeightPower, seed: o.seed };
  switch (kind) {
    case 'nb': return trainNaiveBayes(set, { alpha: o.alpha, complement: true });
    case 'logreg': return trainSgd(set, softmaxGradient, sgd);
    case 'svm': return trainSgd(set, multiclassHingeGradient, sgd);
    case 'nbsvm': return trainSgd(set, multiclassHingeGradient, sgd, nbFeatureScale(set, o.alpha, 1));
  }
}
