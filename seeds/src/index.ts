import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { settings } from '@portal/cms';
import { readSeedDir } from './read';
import { ensureSiteToken } from './site-token';
import { writeSeeds, type SeedSummary } from './write';

export { SeedError, SeedValidationError, SeedWriteError } from './errors';
export { readSeedDir } from './read';
export { seedTypes, type SeedSet } from './types';
export { siteTokenName } from './site-token';
export type { SeedSummary, TypeSummary } from './write';

/** The sample content that ships with the repository. */
export const sampleDataDir = path.resolve(import.meta.dirname, '../data');

export type SeedResult = { summary: SeedSummary; siteToken: 'created' | 'kept'; changed: boolean; ms: number };

/**
 * Validates every file in `dir` (nothing is written if any record is invalid), then writes them in
 * one transaction and makes sure the site build has its read-only API token.
 * @example await seed(strapi) // the sample content
 */
export async function seed(strapi: Core.Strapi, dir = sampleDataDir): Promise<SeedResult> {
  const started = performance.now();
  const set = readSeedDir(dir);
  const summary = await writeSeeds(strapi, set);
  const siteToken = await ensureSiteToken(strapi, settings().siteTokenFile);
  const changed = Object.values(summary).some((s) => s.created + s.updated > 0);
  return { summary, siteToken, changed, ms: Math.round(performance.now() - started) };
}

/** A short report of what a seed run did, for people. */
export function describeResult(result: SeedResult): string {
  const rows = Object.entries(result.summary).map(
    ([name, s]) =>
      `  ${name.padEnd(12)} ${String(s.created).padStart(5)} created ${String(s.updated).padStart(5)} updated ${String(s.unchanged).padStart(5)} unchanged  ${(s.ms / 1000).toFixed(1).padStart(5)} s`,
  );
  const verdict = result.changed
    ? 'Seed written.'
    : 'Nothing to change: the CMS already matches the seed files.';
  return [`${verdict} (${(result.ms / 1000).toFixed(1)} s, counting each locale of a document)`, ...rows, `  site API token: ${result.siteToken}`].join('\n');
}
