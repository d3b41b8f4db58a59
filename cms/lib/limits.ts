/**
 * Rate limits with `rate-limiter-flexible`: counted in memory by default, or in a PostgreSQL table
 * when a database URL is given, so that several instances of a service share their counts. No HTTP
 * framework here: the CMS, the site server and the assistant answer 429 in their own way.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type LimiterOptions = {
  /** Names the counter (e.g. `search`); limiters with the same prefix share counts. */
  keyPrefix: string;
  /** Requests allowed per key within `durationSeconds`. */
  points: number;
  /** Length of the window, which starts at a key's first request. */
  durationSeconds: number;
  /** Count in this PostgreSQL database (e.g. DATABASE_URL) instead of in memory. */
  postgres?: { url: string; ssl?: boolean };
};

export type LimitDecision = { allowed: boolean; retryAfterSeconds: number };

export type Limiter = {
  /** Counts one request for `key` and says whether it is within the limit. */
  consume(key: string): Promise<LimitDecision>;
  /** Takes back one counted request (e.g. a login that succeeded should not count against the user). */
  refund(key: string): Promise<void>;
  /** Releases the database connection, if any. */
  close(): Promise<void>;
};

/** One table holds every prefix's counters. */
const tableName = 'portal_rate_limits';

/** Connection pools shared by the limiters of one process, per database URL, closed with the last limiter. */
const pools = new Map<string, { pool: pg.Pool; users: number }>();

function sharedPool(url: string, ssl: boolean): { pool: pg.Pool; release: () => Promise<void> } {
  let entry = pools.get(url);
  if (!entry) {
    const pool = new pg.Pool({ connectionString: url, ssl: ssl ? { rejectUnauthorized: true } : false, max: 2 });
    // An idle connection dropped by the server must not crash the process: the next query fails
    // instead, and the limiter then counts in memory (insuranceLimiter).
    pool.on('error', () => undefined);
    entry = { pool, users: 0 };
    pools.set(url, entry);
  }
  entry.users += 1;
  const current = entry;
  let released = false;
  return {
    pool: current.pool,
    release: async () => {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users === 0) {
        pools.delete(url);
        await current.pool.end();
      }
    },
  };
}

/**
 * Keys are stored hashed: a counter table then holds no client address or e-mail address.
 * @example hashedKey('203.0.113.9') // 'q1Fz…' (43 characters)
 */
const hashedKey = (key: string): string => crypto.createHash('sha256').update(key).digest('base64url');

const decision = (result: RateLimiterRes, allowed: boolean): LimitDecision => ({
  allowed,
  retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
});

/**
 * A limiter of `points` requests per key per `durationSeconds`.
 * @example
 *   const search = createLimiter({ keyPrefix: 'search', points: 120, durationSeconds: 60 });
 *   const { allowed, retryAfterSeconds } = await search.consume(clientAddress);
 */
export function createLimiter(options: LimiterOptions): Limiter {
  const base = { keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSeconds };
  const memory = new RateLimiterMemory(base);
  let limiter: RateLimiterAbstract = memory;
  let ready: Promise<unknown> = Promise.resolve();
  let release = async () => {};
  if (options.postgres) {
    const shared = sharedPool(options.postgres.url, options.postgres.ssl ?? false);
    release = shared.release;
    ready = new Promise<void>((resolve) => {
      limiter = new RateLimiterPostgres(
        // When PostgreSQL fails, count in memory rather than refuse or let everything through.
        { ...base, storeClient: shared.pool, storeType: 'pool', tableName, insuranceLimiter: memory },
        // A table that could not be created leaves every request to the insurance limiter.
        () => resolve(),
      );
    });
  }
  return {
    async consume(key) {
      await ready;
      try {
        return decision(await limiter.consume(hashedKey(key)), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decision(rejection, false);
        throw rejection;
      }
    },
    async refund(key) {
      await ready;
      await limiter.reward(hashedKey(key));
    },
    async close() {
      await ready;
      await release();
    },
  };
}
