/**
 * Calibrated confidence: the probability that the assistant's best candidate is the right source,
 * from a logistic model over a few retrieval features. The weights in bot/data/calibration.json are
 * fitted by `npm run eval:bot -- --calibrate` on the tuning part of tests/bot/eval.json (never on
 * the held-out part); the evaluation prints how well the probabilities match the outcomes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RankingWeights } from './rank';

export const featureNames = ['score', 'coverage', 'idfCoverage', 'margin', 'aspectMatch', 'outOfScope', 'domain'] as const;
export type FeatureName = (typeof featureNames)[number];
/**
 * - score: the best candidate's ranking score (lexical second stage, with the aspect adjustment)
 * - coverage: share of the question the best candidate covers (0–1)
 * - idfCoverage: share of the question's subject words, weighted by rarity, the best candidate is about (0–1)
 * - margin: how far the best candidate leads the best one about another subject (0–1)
 * - aspectMatch: share of the aspects asked (fee, time…) the candidate answers, −1 when it answers others only, else 0
 * - outOfScope: strength of the out-of-scope cues beyond the public-administration words (0 when none)
 * - domain: number of public-administration words (capped at 3)
 */
export type Features = Record<FeatureName, number>;

export type Calibration = {
  weights: Record<FeatureName, number>;
  bias: number;
  /** Answer when the confidence reaches this. */
  answerAt: number;
  /** Below `answerAt`, offer choices when the confidence reaches this and several subjects are close. */
  clarifyAt: number;
  /** A FAQ answering the aspects asked is preferred to its procedure's composed answer when within this score of it. */
  preferFaqWithin: number;
  /** Whatever the confidence, a candidate about another subject this close, covering as much, makes the question ambiguous. */
  clarifyMargin: number;
  /** An English question whose English match is less confident than this is also tried in Vietnamese. */
  translateBelow: number;
  /** Candidates within this score of the best one count as close, for clarifying. */
  clarifyWithin: number;
  /** Out-of-scope cue strength (minus domain words) from which a question is refused… */
  refuseOutOfScopeAt: number;
  /** …unless retrieval is at least this confident. */
  keepInScopeAt: number;
  /** A question without any public-administration word, with no candidate this confident, is refused as out of scope. */
  refuseUnrelatedBelow: number;
  /** The assistant's ranking adjustments (src/rank.ts), tuned on the tuning part of the set. */
  ranking: RankingWeights;
  fitted?: { samples: number; positives: number; at: string; logLoss: number };
};

export const defaultCalibrationFile = path.resolve(import.meta.dirname, '../data/calibration.json');

export const readCalibration = (file = defaultCalibrationFile): Calibration => JSON.parse(fs.readFileSync(file, 'utf8')) as Calibration;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function confidence(features: Features, calibration: Calibration): number {
  const z = featureNames.reduce((s, name) => s + calibration.weights[name] * features[name], calibration.bias);
  return sigmoid(z);
}

/**
 * Logistic regression by gradient descent with a small L2 penalty (features are on comparable,
 * small scales). Returns the weights, the bias and the mean log loss on the samples.
 */
export function fitLogistic(
  samples: { features: Features; label: 0 | 1 }[],
  options: { iterations?: number; rate?: number; l2?: number } = {},
): { weights: Record<FeatureName, number>; bias: number; logLoss: number } {
  const { iterations = 20_000, rate = 0.1, l2 = 0.001 } = options;
  const w = Object.fromEntries(featureNames.map((n) => [n, 0])) as Record<FeatureName, number>;
  let b = 0;
  const n = samples.length || 1;
  for (let it = 0; it < iterations; it++) {
    const grad = Object.fromEntries(featureNames.map((f) => [f, 0])) as Record<FeatureName, number>;
    let gb = 0;
    for (const { features, label } of samples) {
      const p = sigmoid(featureNames.reduce((s, f) => s + w[f] * features[f], b));
      const e = p - label;
      for (const f of featureNames) grad[f] += e * features[f];
      gb += e;
    }
    for (const f of featureNames) w[f] -= rate * (grad[f] / n + l2 * w[f]);
    b -= rate * (gb / n);
  }
  const logLoss =
    samples.reduce((s, { features, label }) => {
      const p = Math.min(1 - 1e-9, Math.max(1e-9, sigmoid(featureNames.reduce((acc, f) => acc + w[f] * features[f], b))));
      return s - (label ? Math.log(p) : Math.log(1 - p));
    }, 0) / n;
  return { weights: w, bias: b, logLoss };
}
