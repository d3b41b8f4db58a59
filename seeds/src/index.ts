import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { settings } from '@portal/cms';
import { readSeedDir } from './read';
import { ensureSiteToken } from './site-token';
import { ensureTemplates, removeTemplates, removeUnusedTemplates } from './templates';
import { writeSeeds, type SeedSummary } from './write';

export { SeedError, SeedValidationError, SeedWriteError } from './errors';
export { publishedContent, type PublishedContent } from './published';
export { readSeedDir } from './read';
export { seedTypes, type LoadedForm, type SeedSet } from './types';
export { siteTokenName } from './site-token';
export { docxContentHash, docxMimeType, formDocx, formFileName } from './forms';
export { readZip } from './zip';
export type { SeedSummary, TypeSummary } from './write';

/** The sample content that ships with the repository. */
export const sampleDataDir = path.resolve(import.meta.dirname, '../data');

/** The form templates in the media library: uploaded by this run, already there, old ones deleted. */
export type FormsSummary = { uploaded: number; kept: number; removed: number; ms: number };

export type SeedResult = { summary: SeedSummary; forms: FormsSummary; siteToken: 'created' | 'kept'; changed: boolean; ms: number };

/**
 * Validates every file in `dir` (nothing is written if any record is invalid), uploads the .docx
 * of each form a document names unless the media library has it already, then writes the records
 * in one transaction and makes sure the site build has its read-only API token. If the transaction
 * fails, the files this run uploaded are deleted again; after it succeeds, earlier versions of the
 * templates that nothing uses any more are deleted.
 * @example await seed(strapi) // the sample content
 */
export async function seed(strapi: Core.Strapi, dir = sampleDataDir): Promise<SeedResult> {
  const started = performance.now();
  const set = readSeedDir(dir);
  const templates = await ensureTemplates(strapi, set);
  let summary: SeedSummary;
  try {
    summary = await writeSeeds(strapi, set, templates.ids);
  } catch (error) {
    await removeTemplates(strapi, templates.uploaded);
    throw error;
  }
  const formsStarted = performance.now();
  const removed = await removeUnusedTemplates(strapi, templates);
  const forms = { uploaded: templates.uploaded.length, kept: templates.kept, removed, ms: templates.ms + Math.round(performance.now() - formsStarted) };
  const siteToken = await ensureSiteToken(strapi, settings().siteTokenFile);
  const changed = forms.uploaded + forms.removed > 0 || Object.values(summary).some((s) => s.created + s.updated > 0);
  return { summary, forms, siteToken, changed, ms: Math.round(performance.now() - started) };
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
  const f = result.forms;
  const forms = `  ${'forms'.padEnd(12)} ${String(f.uploaded).padStart(5)} uploaded ${String(f.kept).padStart(5)} already in the media library ${String(f.removed).padStart(3)} old removed  ${(f.ms / 1000).toFixed(1).padStart(5)} s`;
  return [`${verdict} (${(result.ms / 1000).toFixed(1)} s, counting each locale of a document)`, ...rows, forms, `  site API token: ${result.siteToken}`].join('\n');
}
