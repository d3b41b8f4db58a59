import { errors } from '@strapi/utils';
import { z } from 'zod';
import { audiences, codes, levels } from '../../lib/vocabulary';

const text = z.string().trim().min(1, 'must not be empty');
const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((list) => new Set(list).size === list.length, 'must not repeat a value');

/**
 * JSON attributes whose shape Strapi cannot check itself. Each must be a list of the given items.
 */
const listRules: Record<string, Record<string, z.ZodType>> = {
  'api::procedure.procedure': {
    levels: uniqueList(z.enum(codes(levels))),
    audiences: uniqueList(z.enum(codes(audiences))),
    keywords: uniqueList(text),
  },
  'api::faq.faq': {
    alternativeQuestions: uniqueList(text),
    tags: uniqueList(text),
  },
  'api::agency.agency': {
    level: z.enum(codes(levels)),
  },
};

/** Every string in the input in Unicode NFC, so a composed "ế" and a decomposed one are the same text. */
export function normalizeText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeText) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeText(v)])) as T;
  }
  return value;
}

/**
 * Checks the attributes listed in `listRules`; throws Strapi's ValidationError (HTTP 400) naming
 * every field at fault, in the same envelope as Strapi's own validation errors.
 */
export function assertValidInput(uid: string, data: Record<string, unknown>): void {
  const rules = listRules[uid];
  if (!rules) return;
  const problems: { path: string[]; message: string; name: string }[] = [];
  for (const [attribute, rule] of Object.entries(rules)) {
    const value = data[attribute];
    if (value === undefined || value === null) continue;
    const result = rule.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = [attribute, ...issue.path.map(String)];
        problems.push({ path, message: `${path.join('.')}: ${issue.message}`, name: 'ValidationError' });
      }
    }
  }
  if (problems.length > 0) {
    const message = problems.length === 1 ? problems[0]!.message : `${problems.length} errors occurred`;
    throw new errors.ValidationError(message, { errors: problems });
  }
}
