import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createLimiter, type Limiter, type LimiterOptions } from '../../lib/limits';
import { settings } from '../../lib/settings';

const registries = new WeakMap<Core.Strapi, Map<string, Limiter>>();

/**
 * The CMS's limiter for `keyPrefix`, created once per Strapi instance (the search and suggest routes
 * share one), counting in PostgreSQL when the CMS runs on it so that every instance sees the same counts.
 */
export function portalLimiter(strapi: Core.Strapi, options: Omit<LimiterOptions, 'postgres'>): Limiter {
  let registry = registries.get(strapi);
  if (!registry) registries.set(strapi, (registry = new Map<string, Limiter>()));
  let limiter = registry.get(options.keyPrefix);
  if (!limiter) {
    const { database } = settings();
    limiter = createLimiter({ ...options, ...(database.client === 'postgres' ? { postgres: { url: database.url, ssl: database.ssl } } : {}) });
    registry.set(options.keyPrefix, limiter);
  }
  return limiter;
}

/** Closes the limiters' database connections when the CMS stops. */
export async function closePortalLimiters(strapi: Core.Strapi): Promise<void> {
  const registry = registries.get(strapi);
  registries.delete(strapi);
  await Promise.all([...(registry?.values() ?? [])].map((limiter) => limiter.close()));
}

/** 429 in Strapi's error envelope, with Retry-After (docs/openapi.json, Error). */
export function tooManyRequests(ctx: Context, message: string, retryAfterSeconds: number): void {
  ctx.set('Retry-After', String(retryAfterSeconds));
  ctx.status = 429;
  ctx.body = { data: null, error: { status: 429, name: 'TooManyRequestsError', message, details: { retryAfterSeconds } } };
}
