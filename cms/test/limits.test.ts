import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLimiter } from '../lib/limits';

test('allows `points` requests per key in the window, then says how long to wait', async () => {
  const limiter = createLimiter({ keyPrefix: 'test', points: 3, durationSeconds: 60 });
  for (let i = 0; i < 3; i++) assert.deepEqual(await limiter.consume('203.0.113.9'), { allowed: true, retryAfterSeconds: 0 });
  const refused = await limiter.consume('203.0.113.9');
  assert.equal(refused.allowed, false);
  assert.ok(refused.retryAfterSeconds >= 59 && refused.retryAfterSeconds <= 60, String(refused.retryAfterSeconds));
  assert.equal((await limiter.consume('203.0.113.10')).allowed, true, 'another key has its own count');
  await limiter.close();
});

test('a refunded request does not count', async () => {
  const limiter = createLimiter({ keyPrefix: 'test-refund', points: 2, durationSeconds: 60 });
  for (let i = 0; i < 5; i++) {
    assert.equal((await limiter.consume('a@b.vn')).allowed, true);
    await limiter.refund('a@b.vn');
  }
  await limiter.consume('a@b.vn');
  await limiter.consume('a@b.vn');
  assert.equal((await limiter.consume('a@b.vn')).allowed, false);
  await limiter.close();
});

test('starts a new window once the old one is over', async () => {
  const limiter = createLimiter({ keyPrefix: 'test-window', points: 1, durationSeconds: 1 });
  assert.equal((await limiter.consume('k')).allowed, true);
  assert.equal((await limiter.consume('k')).allowed, false);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assert.equal((await limiter.consume('k')).allowed, true);
  await limiter.close();
});
