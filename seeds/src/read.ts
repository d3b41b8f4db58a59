import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue } from './catalogue';
import { SeedError, SeedValidationError } from './errors';
import { formFile } from './schemas';
import { SeedSet, seedLocales, seedTypes, type LoadedRecord, type SeedRecord, type SeedType } from './types';

function filesOf(dir: string, type: SeedType): string[] {
  const files: string[] = [];
  const single = path.join(dir, `${type.name}.json`);
  if (fs.existsSync(single)) files.push(single);
  const folder = path.join(dir, type.name);
  if (fs.existsSync(folder)) {
    for (const entry of fs.readdirSync(folder).sort()) {
      if (entry.endsWith('.json')) files.push(path.join(folder, entry));
    }
  }
  return files;
}

const describe = (r: { file: string; where: string }, type: SeedType, key?: unknown) =>
  `${r.file} › ${r.where}${key ? ` (${type.key} ${typeof key === 'string' || typeof key === 'number' ? key : JSON.stringify(key)})` : ''}`;

/** The catalogue listing, if the folder has one: a base record for every procedure it lists. */
const catalogueFile = 'catalogue.csv';

type RawRecord = { raw: unknown; file: string; where: string };

function rawRecords(dir: string, type: SeedType, problems: string[], relative: (f: string) => string): RawRecord[] {
  const raws: RawRecord[] = [];
  for (const file of filesOf(dir, type)) {
    const shown = relative(file);
    let content: unknown;
    try {
      content = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${shown}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (!Array.isArray(content)) {
      problems.push(`${shown}: must hold a JSON array of records`);
      continue;
    }
    content.forEach((raw: unknown, index) => raws.push({ raw, file: shown, where: `record ${index + 1}` }));
  }
  return raws;
}

/** The folder of form files, `forms/<slug>.json`, one form per file, named by its slug. */
const formsFolder = 'forms';
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Reads and validates every `forms/<slug>.json` into `set.forms`. */
function readForms(dir: string, set: SeedSet, problems: string[], relative: (f: string) => string): void {
  const folder = path.join(dir, formsFolder);
  if (!fs.existsSync(folder)) return;
  for (const entry of fs.readdirSync(folder).sort()) {
    if (!entry.endsWith('.json')) continue;
    const file = path.join(folder, entry);
    const shown = relative(file);
    const slug = entry.slice(0, -'.json'.length);
    if (!slugPattern.test(slug)) {
      problems.push(`${shown}: the file name must be the form's slug, lower-case ASCII words joined by hyphens`);
      continue;
    }
    let content: unknown;
    try {
      content = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${shown}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = formFile.safeParse(content);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${shown} › ${issue.path.join('.') || '(form)'}: ${issue.message}`);
      continue;
    }
    set.forms.set(slug, { slug, file: shown, data: parsed.data });
  }
}

/** Every `form` a procedure document names must have its file in `forms/`. */
function checkFormReferences(set: SeedSet, problems: string[]): void {
  const type = seedTypes.find((t) => t.name === 'procedures')!;
  for (const record of set.get('procedures') ?? []) {
    for (const locale of seedLocales) {
      const documents = (record.data[locale]?.documents ?? []) as { form?: string }[];
      documents.forEach((document, index) => {
        if (document.form && !set.forms.has(document.form)) {
          problems.push(`${describe(record, type, record.key)} › ${locale}.documents.${index}.form: no form file ${formsFolder}/${document.form}.json`);
        }
      });
    }
  }
}

/**
 * Reads and validates every seed file in `dir`: each record against its schema, keys unique,
 * every reference resolvable in each locale that uses it, every form a document names present in
 * `forms/`. Throws SeedValidationError listing all problems, each naming its file and record.
 */
export function readSeedDir(dir: string): SeedSet {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new SeedError(`No seed folder at ${dir}`);
  if (seedTypes.every((type) => filesOf(dir, type).length === 0) && !fs.existsSync(path.join(dir, catalogueFile))) {
    throw new SeedError(`No seed files in ${dir}: expected ${seedTypes.map((t) => `${t.name}.json`).join(', ')} or folders of that name`);
  }
  const problems: string[] = [];
  const set = new SeedSet();
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  readForms(dir, set, problems, relative);

  for (const type of seedTypes) {
    const records: LoadedRecord[] = [];
    const seen = new Map<string, string>();
    const slugs = new Map<string, string>();
    // Records generated from the catalogue listing come first; a JSON record with the same key
    // replaces its generated one (the full description of a listed procedure).
    const generated = new Map<string, number>();
    const catalogue = path.join(dir, catalogueFile);
    if (type.name === 'procedures' && fs.existsSync(catalogue)) {
      const listing = readCatalogue(catalogue);
      for (const p of listing.problems) problems.push(`${relative(catalogue)} › row ${p.row}: ${p.message}`);
      listing.records.forEach((raw, i) => {
        const parsed = type.schema.safeParse(raw);
        const where = `row ${listing.rows[i]}`;
        if (!parsed.success) {
          for (const issue of parsed.error.issues) problems.push(`${relative(catalogue)} › ${where} › ${issue.path.join('.')}: ${issue.message}`);
          return;
        }
        generated.set(String(parsed.data[type.key]), records.length);
        records.push({ data: parsed.data as SeedRecord, file: relative(catalogue), where, key: String(parsed.data[type.key]) });
      });
    }
    for (const { raw, file, where: at } of rawRecords(dir, type, problems, relative)) {
      const key = (raw as Record<string, unknown> | null)?.[type.key];
      const where = describe({ file, where: at }, type, key);
      const parsed = type.schema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push(`${where} › ${issue.path.join('.') || '(record)'}: ${issue.message}`);
        }
        continue;
      }
      const keyValue = String(parsed.data[type.key]);
      const slug = String(parsed.data.slug);
      const record = { data: parsed.data as SeedRecord, file, where: at, key: keyValue };
      const replaces = generated.get(keyValue);
      if (replaces !== undefined) {
        generated.delete(keyValue);
        records[replaces] = record;
        slugs.set(slug, where);
        continue;
      }
      if (seen.has(keyValue)) problems.push(`${where}: ${type.key} ${keyValue} is also used by ${seen.get(keyValue)}`);
      else if (slugs.has(slug)) problems.push(`${where}: slug ${slug} is also used by ${slugs.get(slug)}`);
      seen.set(keyValue, where);
      slugs.set(slug, where);
      records.push(record);
    }
    set.set(type.name, records);
  }

  for (const type of seedTypes) {
    for (const record of set.get(type.name) ?? []) {
      for (const relation of type.relations) {
        const value = record.data[relation.attribute];
        if (value === undefined) continue;
        const targets = set.get(relation.target) ?? [];
        const targetType = seedTypes.find((t) => t.name === relation.target)!;
        for (const ref of (Array.isArray(value) ? value : [value]) as string[]) {
          const target = targets.find((t) => t.key === ref);
          const where = describe(record, type, record.key);
          if (!target) {
            problems.push(`${where} › ${relation.attribute}: no ${relation.target} record has ${targetType.key} ${ref}`);
            continue;
          }
          for (const locale of seedLocales) {
            if (record.data[locale] && !target.data[locale]) {
              problems.push(
                `${where} › ${relation.attribute}: ${relation.target} ${ref} has no "${locale}" text, which this record's "${locale}" version needs`,
              );
            }
          }
        }
      }
    }
  }

  checkFormReferences(set, problems);

  if (problems.length > 0) throw new SeedValidationError(problems);
  return set;
}
