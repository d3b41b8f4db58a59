/**
 * Per-client limits for our Fastify servers. The counting is a `Limiter` from `@portal/cms/limits`
 * (rate-limiter-flexible: in memory, or in PostgreSQL so several instances count together, the
 * same as the CMS's); this module only asks it before a route runs and answers 429 with
 * `Retry-After` in the envelope.
 */
import type { FastifyRequest } from 'fastify';
import type { Limiter } from '@portal/cms/limits';
import { tooManyRequests } from './errors';

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
