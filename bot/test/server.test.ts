/**
 * Pieces of the HTTP layer that need no CMS: streaming chunks, the rate limiter, the calibrated
 * confidence. The whole API against a real CMS is tested in tests/bot/bot-http.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confidence, featureNames, fitLogistic, readCalibration, type Features } from '../src/confidence';
import { RateLimiter } from '../src/rate-limit';
import { chunks } from '../src/server';

test('an answer is streamed in pieces of whole words that join back to it exactly', () => {
  const answer = 'Bạn cần:\n\n- **Tờ khai đăng ký khai sinh**;\n- **Giấy chứng sinh** bản chính.\n\nXem [thủ tục](/thu-tuc/dang-ky-khai-sinh).';
  const pieces = chunks(answer, 20);
  assert.ok(pieces.length > 3);
  assert.equal(pieces.join(''), answer);
  for (const p of pieces.slice(0, -1)) assert.match(p, /\s$/, 'each piece ends between words');
  assert.deepEqual(chunks('ngắn'), ['ngắn']);
});

test('the rate limiter allows n per sliding minute per address, then says how long to wait', () => {
  let now = 1_000_000;
  const limiter = new RateLimiter(3, () => now);
  assert.equal(limiter.take('a'), undefined);
  now += 10_000;
  assert.equal(limiter.take('a'), undefined);
  assert.equal(limiter.take('a'), undefined);
  assert.equal(limiter.take('a'), 50, 'the first of the three leaves the window in 50 s');
  assert.equal(limiter.take('b'), undefined, 'another address has its own count');
  now += 50_001;
  assert.equal(limiter.take('a'), undefined);
});

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
