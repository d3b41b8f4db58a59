/**
 * The values a public filter may compare an attribute with, by the attribute's kind, and the
 * operators each kind takes. A value the database cannot read as that kind ("abc" for a number,
 * 2026-02-30 for a date, 99999999999 for an integer column) is a 400 here instead of an error deep
 * in SQL.
 */
import { z } from 'zod';

export type Kind = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'time' | 'boolean' | 'json';

/** Strapi attribute types that are plain values, by kind; relations, components and media are not here. */
export const kindOfType: Readonly<Record<string, Kind>> = {
  string: 'text',
  text: 'text',
  richtext: 'text',
  uid: 'text',
  email: 'text',
  enumeration: 'text',
  integer: 'integer',
  biginteger: 'integer',
  decimal: 'number',
  float: 'number',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  time: 'time',
  boolean: 'boolean',
  json: 'json',
  blocks: 'json',
};

const comparisons = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$null', '$notNull'] as const;
const textMatches = ['$eqi', '$nei', '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi'] as const;

/** Operators a kind takes; JSON lists (levels, tags…) take none: databases compare them differently. */
export function operatorsOf(kind: Kind): readonly string[] {
  switch (kind) {
    case 'json':
      return [];
    case 'boolean':
      return ['$eq', '$ne', '$null', '$notNull'];
    case 'text':
      return [...comparisons, ...textMatches];
    default:
      return comparisons;
  }
}

/** Operators whose value is a list, with how many items. */
export const listOperators: Readonly<Record<string, { min: number; max: number }>> = {
  $in: { min: 1, max: 100 },
  $notIn: { min: 1, max: 100 },
  $between: { min: 2, max: 2 },
};

/** PostgreSQL's `integer`, which ids and integer attributes use. */
const int32 = 2_147_483_647;
const clock = '([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,6})?)?';
const zone = '(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)';
/** 2026-02-30 matches the pattern but is no day: PostgreSQL would refuse it. */
const realDay = (value: string) => {
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value.slice(0, 10);
};

/** The shape of one value of each kind, as it arrives in a query string. */
export const valueShapes: Readonly<Record<Exclude<Kind, 'json'>, z.ZodType<string>>> = {
  text: z.string().max(200, 'tối đa 200 ký tự.'),
  integer: z
    .string()
    .regex(/^-?\d{1,10}$/, 'phải là số nguyên.')
    .refine((v) => Math.abs(Number(v)) <= int32, `phải là số nguyên từ -${int32} đến ${int32}.`),
  number: z.string().regex(/^-?\d{1,12}(\.\d{1,6})?$/, 'phải là số, ví dụ 12 hoặc 12.5.'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'phải là ngày dạng YYYY-MM-DD.')
    .refine(realDay, 'không phải là một ngày có thật.'),
  datetime: z
    .string()
    .regex(new RegExp(`^\\d{4}-\\d{2}-\\d{2}(T${clock}${zone}?)?$`), 'phải là thời điểm ISO 8601, ví dụ 2026-01-31T08:00:00Z.')
    .refine(realDay, 'không phải là một ngày có thật.'),
  time: z.string().regex(new RegExp(`^${clock}$`), 'phải là giờ dạng HH:MM hoặc HH:MM:SS.'),
  boolean: z.enum(['true', 'false'], 'phải là true hoặc false.'),
};
