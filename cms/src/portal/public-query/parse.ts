/**
 * The public query language of the catalogue API, bounded: `locale`, `fields`, `populate` (only
 * what the collection's allow-list names), `filters` (the type's own fields and, one level deep,
 * its allowed relations' fields; known operators; values of the right shape), `sort`, `pagination`
 * (pages of at most 100). Anything else is a 400 in Vietnamese naming the parameter, before Strapi
 * or the database sees it. The result is a clean query that always asks for published documents.
 */
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { PopulateTree, PublicCollection } from './allow-list';
import { kindOfType, listOperators, operatorsOf, valueShapes, type Kind } from './values';

export type Attribute = { type: string; private?: boolean; target?: string; component?: string };
/** The attributes of a content type or component, by uid (Strapi's schema). */
export type Models = (uid: string) => Readonly<Record<string, Attribute>>;
type Query = Record<string, unknown>;
type Path = readonly string[];

/** Limits of the language: one page, how far paging goes, how big a filter may grow. */
const bounds = { pageSize: 100, page: 10_000, start: 1_000_000, conditions: 30, logicalItems: 10, logicalDepth: 3, sortKeys: 5 } as const;

const parameters = ['locale', 'fields', 'populate', 'filters', 'sort', 'pagination', 'status'];
const locales = ['vi', 'en'];

/** `['filters', 'slug', '$eq']` → `filters[slug][$eq]`, as the parameter is written in a URL. */
const written = (path: Path) => path[0] + path.slice(1).map((part) => `[${part}]`).join('');

function refuse(path: Path, message: string): never {
  const text = `${written(path)}: ${message}`;
  throw new errors.ValidationError(text, { errors: [{ path: [...path], message: text, name: 'ValidationError' }] });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list as the query string gives it: an array, or an object keyed 0, 1, … (qs does that past 100 items). */
function asList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value as unknown[];
  if (isRecord(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.entries(value).sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
  }
  return undefined;
}

/** `a,b` or `[a, b]` → names, each with the path it came from. */
function nameList(value: unknown, path: Path, what: string): { name: string; path: Path }[] {
  if (typeof value === 'string') return value.split(',').map((name) => ({ name: name.trim(), path }));
  const list = asList(value);
  if (!list || list.length === 0) refuse(path, `phải là ${what}, ví dụ ${written(path)}[0]=slug.`);
  return list.map((item, i) => {
    if (typeof item !== 'string') refuse([...path, String(i)], 'phải là một tên.');
    return { name: item, path: [...path, String(i)] };
  });
}

const pageNumber = (min: number, max: number) =>
  z.string({ error: `phải là số nguyên từ ${min} đến ${max}.` })
    .regex(/^\d{1,9}$/, `phải là số nguyên từ ${min} đến ${max}.`)
    .refine((v) => Number(v) >= min && Number(v) <= max, `phải là số nguyên từ ${min} đến ${max}.`);

const paginationSchema = z.strictObject(
  {
    page: pageNumber(1, bounds.page).optional(),
    pageSize: pageNumber(1, bounds.pageSize).optional(),
    start: pageNumber(0, bounds.start).optional(),
    limit: pageNumber(1, bounds.pageSize).optional(),
    withCount: z.enum(['true', 'false'], 'phải là true hoặc false.').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'chỉ dùng page, pageSize, start, limit, withCount.' : 'phải là một đối tượng, ví dụ pagination[page]=1.') },
);

/**
 * Builds the parser for a Strapi schema. Each call checks one request's query for one collection
 * and returns the query to give Strapi, or throws a ValidationError (HTTP 400).
 */
export function createPublicQueryParser(models: Models) {
  const kindsCache = new Map<string, Map<string, Kind>>();
  /** The plain-value attributes of a type anyone may read: its fields, and what it may be filtered and sorted by. */
  function kinds(uid: string): Map<string, Kind> {
    let found = kindsCache.get(uid);
    if (!found) {
      found = new Map<string, Kind>([['id', 'integer'], ['documentId', 'text']]);
      for (const [name, attribute] of Object.entries(models(uid))) {
        const kind = kindOfType[attribute.type];
        if (kind && !attribute.private) found.set(name, kind);
      }
      kindsCache.set(uid, found);
    }
    return found;
  }
  const targetOf = (attribute: Attribute | undefined): string =>
    attribute?.type === 'media' ? 'plugin::upload.file' : (attribute?.target ?? attribute?.component ?? '');

  function fields(value: unknown, path: Path, uid: string): string[] {
    const known = kinds(uid);
    const names = nameList(value, path, 'danh sách tên trường');
    for (const { name, path: at } of names) {
      if (!known.has(name)) refuse(at, `không có trường "${name}". Các trường: ${[...known.keys()].join(', ')}.`);
    }
    return [...new Set(names.map((n) => n.name))];
  }

  function populate(value: unknown, path: Path, uid: string, tree: PopulateTree): Record<string, unknown> {
    const allowed = Object.keys(tree);
    const check = (name: string, at: Path) => {
      if (!Object.hasOwn(tree, name)) {
        refuse(at, allowed.length > 0 ? `không lấy kèm được "${name}". Được phép: ${allowed.join(', ')}.` : `không lấy kèm được "${name}": ở đây không lấy kèm quan hệ nào.`);
      }
    };
    if (value === '*') return Object.fromEntries(allowed.map((name) => [name, true]));
    if (!isRecord(value) || asList(value)) {
      const names = nameList(value, path, 'danh sách quan hệ');
      for (const { name, path: at } of names) check(name, at);
      return Object.fromEntries(names.map(({ name }) => [name, true]));
    }
    const result: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(value)) {
      const at = [...path, name];
      check(name, at);
      if (inner === true || inner === 'true' || inner === '*') result[name] = true;
      else if (inner === false || inner === 'false') continue;
      else if (!isRecord(inner)) refuse(at, 'phải là true, hoặc fields và populate bên trong.');
      else {
        const extra = Object.keys(inner).find((key) => key !== 'fields' && key !== 'populate');
        if (extra) refuse([...at, extra], 'không được hỗ trợ: bên trong populate chỉ dùng fields và populate.');
        const target = targetOf(models(uid)[name]);
        const rule: Record<string, unknown> = {};
        if (inner.fields !== undefined) rule.fields = fields(inner.fields, [...at, 'fields'], target);
        if (inner.populate !== undefined) {
          const nested = populate(inner.populate, [...at, 'populate'], target, tree[name]!);
          if (Object.keys(nested).length > 0) rule.populate = nested;
        }
        result[name] = Object.keys(rule).length > 0 ? rule : true;
      }
    }
    return result;
  }

  type Budget = { conditions: number };
  const counted = (budget: Budget, path: Path) => {
    budget.conditions += 1;
    if (budget.conditions > bounds.conditions) refuse(path, `quá nhiều điều kiện lọc: tối đa ${bounds.conditions}.`);
  };

  function value(raw: unknown, path: Path, kind: Exclude<Kind, 'json'>): string {
    if (typeof raw !== 'string') refuse(path, 'phải là một giá trị.');
    const result = valueShapes[kind].safeParse(raw);
    if (!result.success) refuse(path, result.error.issues[0]!.message);
    return raw;
  }

  /** The condition on one attribute: a value (equality) or operators with values. */
  function condition(raw: unknown, path: Path, kind: Kind, budget: Budget): Record<string, unknown> {
    if (kind === 'json') refuse(path, 'trường dạng danh sách không dùng để lọc được.');
    if (typeof raw === 'string') {
      counted(budget, path);
      return { $eq: value(raw, path, kind) };
    }
    if (!isRecord(raw) || Object.keys(raw).length === 0) refuse(path, `phải là một giá trị hoặc toán tử, ví dụ ${written(path)}[$eq]=….`);
    const result: Record<string, unknown> = {};
    for (const [operator, operand] of Object.entries(raw)) {
      const at = [...path, operator];
      if (operator === '$not') {
        result.$not = condition(operand, at, kind, budget);
        continue;
      }
      if (!operatorsOf(kind).includes(operator)) refuse(at, `toán tử không dùng được ở đây. Dùng: ${operatorsOf(kind).join(', ')}.`);
      counted(budget, at);
      const list = listOperators[operator];
      if (operator === '$null' || operator === '$notNull') {
        // The database layer reads any non-empty string as true: "false" is turned into the opposite operator.
        const wanted = value(operand, at, 'boolean') === 'true';
        result[(operator === '$null') === wanted ? '$null' : '$notNull'] = 'true';
      } else if (list) {
        const items = typeof operand === 'string' && operator !== '$between' ? [operand] : asList(operand);
        if (!items || items.length < list.min || items.length > list.max) {
          refuse(at, list.min === list.max ? `cần đúng ${list.min} giá trị: ${written(at)}[0]=…&${written(at)}[1]=….` : `cần từ ${list.min} đến ${list.max} giá trị: ${written(at)}[0]=….`);
        }
        result[operator] = items.map((item, i) => value(item, [...at, String(i)], kind));
      } else result[operator] = value(operand, at, kind);
    }
    return result;
  }

  /** A filter object: attributes, relations allowed by `relations` (one level), `$and`, `$or`, `$not`. */
  function filters(raw: unknown, path: Path, uid: string, relations: PopulateTree | undefined, budget: Budget, depth: number): Record<string, unknown> {
    if (!isRecord(raw) || asList(raw)) refuse(path, `phải là một đối tượng lọc, ví dụ ${written(path)}[slug][$eq]=….`);
    const known = kinds(uid);
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(raw)) {
      const at = [...path, key];
      const attribute = models(uid)[key];
      if (key === '$and' || key === '$or' || key === '$not') {
        if (depth >= bounds.logicalDepth) refuse(at, `điều kiện lồng nhau quá sâu: tối đa ${bounds.logicalDepth} tầng.`);
        if (key === '$not') {
          result.$not = filters(inner, at, uid, relations, budget, depth + 1);
          continue;
        }
        const list = asList(inner);
        if (!list || list.length === 0 || list.length > bounds.logicalItems) {
          refuse(at, `phải là danh sách từ 1 đến ${bounds.logicalItems} điều kiện, ví dụ ${written(at)}[0][slug][$eq]=….`);
        }
        result[key] = list.map((item, i) => filters(item, [...at, String(i)], uid, relations, budget, depth + 1));
      } else if (known.has(key)) {
        result[key] = condition(inner, at, known.get(key)!, budget);
      } else if (relations && Object.hasOwn(relations, key) && attribute?.type === 'relation') {
        if (!isRecord(inner)) refuse(at, `lọc theo quan hệ ghi theo trường của nó, ví dụ ${written(at)}[slug][$eq]=….`);
        result[key] = filters(inner, at, targetOf(attribute), undefined, budget, depth + 1);
      } else {
        refuse(at, key.startsWith('$') ? 'toán tử phải đứng sau tên trường, ví dụ filters[slug][$eq]=….' : `không lọc được theo "${key}". Các trường: ${[...known.keys()].join(', ')}.`);
      }
    }
    return result;
  }

  function sort(raw: unknown, uid: string): string[] {
    const known = kinds(uid);
    const entries: { text: string; path: Path }[] = [];
    if (typeof raw === 'string') entries.push(...raw.split(',').map((text) => ({ text, path: ['sort'] })));
    else if (isRecord(raw) && !asList(raw)) entries.push(...Object.entries(raw).map(([name, direction]) => ({ text: `${name}:${String(direction)}`, path: ['sort', name] })));
    else {
      const list = asList(raw) ?? refuse(['sort'], 'phải là tên trường, ví dụ sort=name:asc.');
      list.forEach((item, i) => {
        if (typeof item !== 'string') refuse(['sort', String(i)], 'phải là tên trường, ví dụ sort[0]=name:asc.');
        entries.push({ text: item, path: ['sort', String(i)] });
      });
    }
    if (entries.length > bounds.sortKeys) refuse(['sort'], `sắp xếp theo tối đa ${bounds.sortKeys} trường.`);
    return entries.map(({ text, path }) => {
      const [name = '', direction = 'asc', ...rest] = text.trim().split(':');
      if (!known.has(name) || known.get(name) === 'json') refuse(path, `không sắp xếp được theo "${name}".`);
      if (rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) refuse(path, 'chiều sắp xếp phải là asc hoặc desc.');
      return `${name}:${direction.toLowerCase()}`;
    });
  }

  return function parse(query: Query, collection: PublicCollection): Query {
    const unknown = Object.keys(query).find((key) => !parameters.includes(key));
    if (unknown !== undefined) refuse([unknown], `tham số không được hỗ trợ. Dùng: ${parameters.filter((p) => p !== 'status').join(', ')}.`);
    const { uid } = collection;
    // Drafts are never public: whatever `status` says (draft, anything, a list), published it is.
    const result: Query = { status: 'published' };
    if (query.locale !== undefined) {
      if (typeof query.locale !== 'string' || !locales.includes(query.locale)) refuse(['locale'], 'phải là vi hoặc en.');
      result.locale = query.locale;
    }
    if (query.fields !== undefined) result.fields = fields(query.fields, ['fields'], uid);
    if (query.populate !== undefined) result.populate = populate(query.populate, ['populate'], uid, collection.populate);
    if (query.filters !== undefined) result.filters = filters(query.filters, ['filters'], uid, collection.populate, { conditions: 0 }, 0);
    if (query.sort !== undefined) result.sort = sort(query.sort, uid);
    if (query.pagination !== undefined) {
      const parsed = paginationSchema.safeParse(query.pagination);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.map(String).join('][');
        refuse(key ? ['pagination', key] : ['pagination'], issue.message);
      }
      const p = parsed.data;
      if ((p.page ?? p.pageSize) !== undefined && (p.start ?? p.limit) !== undefined) {
        refuse(['pagination'], 'dùng page và pageSize, hoặc start và limit, không dùng cả hai.');
      }
      result.pagination = p;
    }
    return result;
  };
}
