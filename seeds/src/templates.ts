/**
 * The .docx templates of the forms procedure documents name, in Strapi's media library: each used
 * form is uploaded once, as `<form slug>.docx`, and reused on later runs while its content is the
 * same. Files are uploaded before the seed's transaction (the upload plugin writes its own rows and
 * files); `removeTemplates` takes a run's uploads back when the transaction fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { getService, type MediaFile } from '@portal/cms';
import { SeedError } from './errors';
import { docxContentHash, docxMimeType, formDocx, formFileName } from './forms';
import type { SeedSet } from './types';

const fileUid = 'plugin::upload.file';

/** A media library file, as the upload plugin stores it. */
export type { MediaFile };

type FileQuery = {
  findMany(params: Record<string, unknown>): Promise<MediaFile[]>;
  findOne(params: Record<string, unknown>): Promise<(MediaFile & { related?: unknown[] }) | null>;
};

export type FormTemplates = {
  /** The media file id of each used form's .docx, by form slug. */
  ids: Map<string, number>;
  /** Files this run uploaded, newest content of a form that had none, or a changed one. */
  uploaded: MediaFile[];
  /** Forms whose .docx was already in the media library with the same content. */
  kept: number;
  /** Templates the seed made before that are not the current one of a used form: deleted after the run if unused. */
  earlier: MediaFile[];
  ms: number;
};

/**
 * The caption records which form file the template was made from and a hash of its content: a
 * later run reuses the file only when the hash is the one of the .docx it would make now.
 */
const captionOf = (slug: string, hash: string) => `forms/${slug}.json sha256:${hash}`;
const seedCaption = /^forms\/[a-z0-9-]+\.json sha256:[0-9a-f]{64}$/;

/** The forms the records' documents name, in a stable order. */
export function usedForms(set: SeedSet): string[] {
  const used = new Set<string>();
  for (const record of set.get('procedures') ?? []) {
    for (const locale of ['vi', 'en'] as const) {
      for (const document of (record.data[locale]?.documents ?? []) as { form?: string }[]) {
        if (document.form) used.add(document.form);
      }
    }
  }
  return [...used].sort();
}

const uploadService = (strapi: Core.Strapi) => getService(strapi, 'plugin::upload.upload');
// The query engine is typed per generated content type, which this project does not generate: the files table's shape is ours.
const files = (strapi: Core.Strapi) => strapi.db.query(fileUid) as unknown as FileQuery;

/**
 * Whether the bytes behind a stored file are still there and say the same: with the local provider
 * the file is read back from the uploads folder (a database kept while the folder was emptied must
 * not point at missing files); other providers are trusted.
 */
function storedContentMatches(strapi: Core.Strapi, file: MediaFile, hash: string): boolean {
  if (file.provider !== 'local') return true;
  try {
    return docxContentHash(fs.readFileSync(path.join(strapi.dirs.static.public, file.url))) === hash;
  } catch {
    return false;
  }
}

async function upload(strapi: Core.Strapi, slug: string, title: string, docx: Buffer, hash: string): Promise<MediaFile> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-form-'));
  const name = formFileName(slug);
  const filepath = path.join(dir, name);
  fs.writeFileSync(filepath, docx);
  try {
    const [file] = await uploadService(strapi).upload({
      data: { fileInfo: { name, alternativeText: title, caption: captionOf(slug, hash) } },
      files: { filepath, originalFilename: name, mimetype: docxMimeType, size: docx.length },
    });
    if (!file) throw new Error('the upload plugin returned no file');
    return file;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Deletes files (rows and bytes) through the upload plugin; used to take back a failed run's uploads. */
export async function removeTemplates(strapi: Core.Strapi, uploaded: MediaFile[]): Promise<void> {
  for (const file of uploaded) await uploadService(strapi).remove(file);
}

/**
 * Makes sure every form a document names has its .docx in the media library: generated from its
 * form file, reused when a file of that name carries the same content hash, uploaded otherwise.
 * On failure, the files this call uploaded are removed again.
 */
export async function ensureTemplates(strapi: Core.Strapi, set: SeedSet): Promise<FormTemplates> {
  const started = performance.now();
  const result: FormTemplates = { ids: new Map(), uploaded: [], kept: 0, earlier: [], ms: 0 };
  const used = usedForms(set);
  // Every template the seed made (known by its caption), read once, before the transaction.
  const stored = (await files(strapi).findMany({ where: { caption: { $startsWith: 'forms/' } }, orderBy: { id: 'desc' } })).filter(
    (f) => f.caption && seedCaption.test(f.caption),
  );
  for (const slug of used) {
    const form = set.forms.get(slug)!;
    try {
      const docx = await formDocx(form.data);
      const hash = docxContentHash(docx);
      const same = stored.find(
        (f) => f.name === formFileName(slug) && f.caption === captionOf(slug, hash) && storedContentMatches(strapi, f, hash),
      );
      if (same) {
        result.ids.set(slug, same.id);
        result.kept += 1;
        continue;
      }
      const file = await upload(strapi, slug, form.data.title, docx, hash);
      result.uploaded.push(file);
      result.ids.set(slug, file.id);
    } catch (error) {
      await removeTemplates(strapi, result.uploaded);
      throw new SeedError(`Could not make or upload the template of ${form.file}; nothing was written:\n  ${(error as Error).message}`, { cause: error });
    }
  }
  const current = new Set(result.ids.values());
  result.earlier = stored.filter((f) => !current.has(f.id));
  result.ms = Math.round(performance.now() - started);
  return result;
}

/**
 * After a successful run: deletes the templates the seed made earlier (recognised by their caption)
 * that are no longer the current one of any form and that nothing uses any more.
 * @returns how many files were deleted
 */
export async function removeUnusedTemplates(strapi: Core.Strapi, templates: FormTemplates): Promise<number> {
  let removed = 0;
  for (const candidate of templates.earlier) {
    const withUse = await files(strapi).findOne({ where: { id: candidate.id }, populate: { related: true } });
    if (!withUse || (withUse.related?.length ?? 0) > 0) continue;
    await uploadService(strapi).remove(candidate);
    removed += 1;
  }
  return removed;
}
