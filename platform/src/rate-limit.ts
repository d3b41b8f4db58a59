/**
 * Per-client limits for our Fastify servers. The counting is a `Limiter` (in memory, or shared
 * through PostgreSQL so several instances count together); this module only asks it before a
 * route runs and answers 429 with `Retry-After` in the envelope.
 */
import type { FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyRequests } from './errors';

/** Counts one request of `key`; `allowed: false` once its points for the window are spent. */
export type Limiter = { consume(key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> };

/** A `Limiter` over any rate-limiter-flexible store (memory, PostgreSQL…). */
export function limiterFrom(store: RateLimiterAbstract): Limiter {
  return {
    async consume(key) {
      try {
        await store.consume(key);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        throw rejection;
      }
    },
  };
}

/** `points` requests per `durationSeconds` per key, counted in this process. */
export const memoryLimiter = (points: number, durationSeconds = 60): Limiter => limiterFrom(new RateLimiterMemory({ points, duration: durationSeconds }));

/**
 * A `preHandler` that counts the request against `limiter` by client address (`request.ip`, which
 * believes X-Forwarded-For only from trusted proxies) and refuses with 429 when the limit is spent.
 * @example app.post('/api/ask', { preHandler: limitByAddress(limiter, 'Bạn đã hỏi quá nhiều lần…') }, handler)
 */
export function limitByAddress(limiter: Limiter, message: string) {
  return async (request: FastifyRequest): Promise<void> => {
    const { allowed, retryAfterSeconds } = await limiter.consume(request.ip);
    if (!allowed) throw tooManyRequests(message, retryAfterSeconds);
  };
}
