/** The calibrated confidence: a logistic model fitted on the tuning questions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confidence, featureNames, fitLogistic, readCalibration, type Features } from '../src/confidence';

test('the confidence is a logistic model: fitted weights separate right from wrong, and more evidence means more confidence', () => {
  const f = (score: number, coverage: number, margin: number): Features => ({ score, coverage, idfCoverage: coverage, margin, aspectMatch: 0, outOfScope: 0, domain: 1 });
  const samples = [
    ...Array.from({ length: 20 }, (_, i) => ({ features: f(1.4 + i * 0.01, 0.95, 0.4), label: 1 as const })),
    ...Array.from({ length: 20 }, (_, i) => ({ features: f(0.6 + i * 0.01, 0.55, 0.02), label: 0 as const })),
  ];
  const fit = fitLogistic(samples, { iterations: 3000 });
  const calibration = { ...readCalibration(), weights: fit.weights, bias: fit.bias };
  assert.ok(confidence(f(1.5, 0.95, 0.4), calibration) > 0.8);
  assert.ok(confidence(f(0.6, 0.55, 0.02), calibration) < 0.2);
  assert.ok(fit.logLoss < 0.2);

  const shipped = readCalibration();
  assert.ok(shipped.fitted && shipped.fitted.samples > 100, 'the shipped weights were fitted on the tuning questions');
  for (const name of featureNames) assert.equal(typeof shipped.weights[name], 'number');
  assert.ok(confidence(f(1.6, 1, 0.5), shipped) > confidence(f(0.8, 0.6, 0.05), shipped));
  assert.ok(shipped.answerAt > shipped.clarifyAt && shipped.answerAt < 1);
});
