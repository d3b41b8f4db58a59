import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { SeedError, SeedWriteError } from './errors';
import { seedLocales, seedTypes, type LoadedRecord, type SeedLocale, type SeedSet, type SeedType } from './types';

type Attribute = { type: string; relation?: string; component?: string; repeatable?: boolean; default?: unknown };
type Attributes = Record<string, Attribute>;
type Doc = Record<string, unknown> & { documentId: string };

export type TypeSummary = { created: number; updated: number; unchanged: number; ms: number };
export type SeedSummary = Record<string, TypeSummary>;

/** Documents API without generated types: the seed works on any catalogue uid. */
type Documents = {
  findMany(params: Record<string, unknown>): Promise<Doc[]>;
  create(params: Record<string, unknown>): Promise<Doc>;
  update(params: Record<string, unknown>): Promise<Doc | null>;
};

const componentAttributes = (strapi: Core.Strapi, attribute: Attribute) =>
  // Component uids are typed per generated component, which this project does not generate: the attributes are read as data.
  (strapi.components[attribute.component as keyof typeof strapi.components] as unknown as { attributes: Attributes }).attributes;

/** Turns a stored or desired attribute value into a form where equal content compares equal. */
function comparable(strapi: Core.Strapi, attribute: Attribute, value: unknown): unknown {
  if (value === undefined || value === null) return attribute.type === 'component' ? [] : null;
  switch (attribute.type) {
    case 'relation': {
      const ids = (v: unknown) => (typeof v === 'string' ? v : (v as Doc).documentId);
      return Array.isArray(value) ? value.map(ids).sort() : ids(value);
    }
    case 'media': {
      // Desired: a media file id; stored: the populated file.
      const ids = (v: unknown) => (typeof v === 'number' ? v : (v as { id: number }).id);
      return Array.isArray(value) ? value.map(ids).sort() : ids(value);
    }
    case 'component': {
      const attributes = componentAttributes(strapi, attribute);
      return (value as Record<string, unknown>[]).map((item) =>
        Object.fromEntries(Object.entries(attributes).map(([name, a]) => [name, comparable(strapi, a, item[name] ?? a.default)])),
      );
    }
    case 'decimal':
    case 'float':
      return Number(value);
    case 'datetime':
      return new Date(value as string).toISOString();
    default:
      return value;
  }
}

/**
 * What one locale of a record should look like in the CMS: every attribute the seed manages. A
 * procedure document that names a `form` gets that form's uploaded .docx as its `template`.
 */
function desiredData(type: SeedType, record: LoadedRecord, locale: SeedLocale, ids: Map<string, Map<string, string>>, templates: Map<string, number>) {
  const { vi: _vi, en: _en, ...shared } = record.data;
  const data: Record<string, unknown> = { ...shared, ...record.data[locale] };
  if (Array.isArray(data.documents)) {
    data.documents = (data.documents as Record<string, unknown>[]).map(({ form, ...document }) => {
      if (typeof form !== 'string') return document;
      const template = templates.get(form);
      if (template === undefined) throw new SeedError(`${record.file} › ${record.where}: the template of form ${form} was not uploaded`);
      return { ...document, template };
    });
  }
  for (const relation of type.relations) {
    const value = record.data[relation.attribute] as string | string[] | undefined;
    const idOf = (key: string) => ids.get(relation.target)!.get(key);
    data[relation.attribute] = relation.multiple
      ? ((value as string[] | undefined) ?? []).map(idOf).filter(Boolean)
      : value
        ? (idOf(value as string) ?? null)
        : null;
  }
  return data;
}

/** Attributes the seed manages for a type: all its records may carry, written as null when absent. */
function managedAttributes(type: SeedType): string[] {
  const { vi, en: _en, ...shared } = type.schema.shape;
  return [...Object.keys(shared), ...Object.keys(vi.shape)];
}

/** What to populate to compare an attribute: media inside components too (a document's template). */
function populateOf(strapi: Core.Strapi, attribute: Attribute): true | { populate: Record<string, true> } {
  if (attribute.type !== 'component') return true;
  const media = Object.entries(componentAttributes(strapi, attribute)).filter(([, a]) => a.type === 'media');
  return media.length > 0 ? { populate: Object.fromEntries(media.map(([name]) => [name, true])) } : true;
}

/**
 * Brings the CMS in line with the seed set, in one transaction: creates missing documents and
 * locales, updates those that differ, leaves equal ones untouched (so a second run writes nothing).
 * Relations to the same type (related procedures) are written in a second pass, once all exist.
 * `templates` gives the media file id of each form's .docx (see `ensureTemplates`).
 */
export async function writeSeeds(strapi: Core.Strapi, set: SeedSet, templates: Map<string, number> = new Map()): Promise<SeedSummary> {
  const summary: SeedSummary = {};
  const ids = new Map<string, Map<string, string>>();
  await strapi.db.transaction(async () => {
    for (const type of seedTypes) {
      const records = set.get(type.name) ?? [];
      const started = performance.now();
      const counts: TypeSummary = { created: 0, updated: 0, unchanged: 0, ms: 0 };
      summary[type.name] = counts;
      // The document service is typed per generated content type, which this project does not generate: the shape we use is `Documents`.
      const docs = strapi.documents(type.uid) as unknown as Documents;
      const contentType = strapi.contentType(type.uid);
      const attributes = contentType.attributes as Attributes;
      const draftAndPublish = contentType.options?.draftAndPublish === true;
      const status = draftAndPublish ? { status: 'published' } : {};
      const managed = managedAttributes(type);
      const populate = Object.fromEntries(
        managed.filter((n) => ['relation', 'component'].includes(attributes[n]!.type)).map((n) => [n, populateOf(strapi, attributes[n]!)]),
      );
      const keyToId = new Map<string, string>();
      ids.set(type.name, keyToId);
      const selfRelations = type.relations.filter((r) => r.target === type.name).map((r) => r.attribute);

      const existing = new Map<SeedLocale, Map<string, Doc>>();
      for (const locale of seedLocales) {
        const found = await docs.findMany({ locale, ...status, populate });
        existing.set(locale, new Map(found.map((d) => [String(d[type.key]), d])));
        for (const d of found) keyToId.set(String(d[type.key]), d.documentId);
      }

      const differs = (stored: Doc | undefined, data: Record<string, unknown>, names: string[]) =>
        !stored ||
        names.some((n) => !isDeepStrictEqual(comparable(strapi, attributes[n]!, stored[n]), comparable(strapi, attributes[n]!, data[n])));

      const isEmpty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);
      const created = new Set<string>();
      const write = async (record: LoadedRecord, locale: SeedLocale, names: string[]) => {
        const full = desiredData(type, record, locale, ids, templates);
        const data = Object.fromEntries(names.map((n) => [n, full[n] ?? (attributes[n]!.type === 'component' ? [] : null)]));
        const stored = existing.get(locale)!.get(record.key);
        const id = `${record.key} ${locale}`;
        // A locale written moments ago in this run holds empty values for what it was not given.
        if (created.has(id) && names.every((n) => isEmpty(data[n]))) return 'unchanged';
        if (!created.has(id) && !differs(stored, data, names)) return 'unchanged';
        const documentId = keyToId.get(record.key);
        // New locales are written without their empty attributes: less work for the CMS, same result.
        const payload = stored ? data : Object.fromEntries(Object.entries(data).filter(([, v]) => !isEmpty(v)));
        try {
          if (documentId) {
            await docs.update({ documentId, locale, data: payload, ...status });
          } else {
            const document = await docs.create({ locale, data: payload, ...status });
            keyToId.set(record.key, document.documentId);
          }
        } catch (error) {
          throw new SeedWriteError(`${record.file} › ${record.where} (${type.key} ${record.key}) in "${locale}"`, error);
        }
        if (stored) return 'updated';
        created.add(id);
        return 'created';
      };

      const firstPass = managed.filter((n) => !selfRelations.includes(n));
      const outcome = new Map<string, 'created' | 'updated' | 'unchanged'>();
      for (const record of records) {
        for (const locale of seedLocales) {
          if (!record.data[locale]) continue;
          outcome.set(`${record.key} ${locale}`, await write(record, locale, firstPass));
        }
      }
      for (const record of selfRelations.length > 0 ? records : []) {
        for (const locale of seedLocales) {
          if (!record.data[locale]) continue;
          const result = await write(record, locale, selfRelations);
          const id = `${record.key} ${locale}`;
          if (result !== 'unchanged' && outcome.get(id) === 'unchanged') outcome.set(id, 'updated');
        }
      }
      for (const result of outcome.values()) counts[result] += 1;
      counts.ms = Math.round(performance.now() - started);
    }
  });
  return summary;
}
