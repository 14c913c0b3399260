import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/http/list-query.ts: filtering, sorting and paging a list from its query string. */
export function listQueryFile(): FileTemplate {
  return {
    ...INFRA.listQuery,
    kind: 'source',
    description:
      'List queries: equality filters on any field, sorting by a field, limit and offset, and the page they give',
    atoms: [
      atom(
        'interface',
        'ListQuery',
        'What a list request asks for',
        `
/** What a list request asks for: equality filters, an optional sort, and the page. */
export interface ListQuery {
  readonly filters: Readonly<Record<string, string | number | boolean>>;
  readonly sort: { readonly field: string; readonly descending: boolean } | undefined;
  readonly limit: number;
  readonly offset: number;
}`,
      ),
      atom(
        'interface',
        'Page',
        'One page of a list',
        `
/** One page of a list: its records, how many match in all, and the limit and offset used. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}`,
      ),
      atom(
        'const',
        'PAGE_LIMITS',
        'The default and the largest page size',
        `
/** A page holds 20 records unless \`limit\` says otherwise, and never more than 100. */
export const PAGE_LIMITS = { default: 20, max: 100 } as const;`,
      ),
      atom(
        'function',
        'countParam',
        'A whole-number query parameter',
        `
/** A whole-number query parameter from 0 (or 1) to \`max\`, the fallback when absent, or an issue. */
export function countParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number | FieldIssue {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = /^\\d+$/.test(text) ? Number(text) : Number.NaN;
  if (value >= min && value <= max) return value;
  return { field: name, message: \`must be a whole number from \${String(min)} to \${String(max)}\` };
}`,
      ),
      atom(
        'function',
        'isIssue',
        'Whether a part of a query is an issue',
        `
/** Whether a value read from a query is an issue rather than the value. */
export function isIssue(value: unknown): value is FieldIssue {
  return typeof value === 'object' && value !== null && 'message' in value;
}`,
      ),
      atom(
        'function',
        'filterValue',
        'A filter value read by its field rule',
        `
/** A filter's text read as its field's kind (\`true\`, \`42\`), or an issue when the field's rule refuses it. */
export function filterValue(field: string, rule: FieldRule, text: string): string | number | boolean | FieldIssue {
  const numeric = rule.kind === 'number' || rule.kind === 'integer';
  const value = numeric && text.trim() !== '' ? Number(text) : rule.kind === 'boolean' ? parseFlag(text) : text;
  return fieldIssue(field, rule, { [field]: value }, false) ?? value;
}`,
      ),
      atom(
        'function',
        'parseFlag',
        'Reads true or false',
        `
/** \`true\` and \`false\` as booleans; any other text stays text (and the boolean rule refuses it). */
export function parseFlag(text: string): boolean | string {
  return text === 'true' ? true : text === 'false' ? false : text;
}`,
      ),
      atom(
        'function',
        'sortParam',
        'The sort a query asks for',
        `
/** \`sort=field\` (ascending) or \`sort=-field\` (descending) on a known field, or an issue. */
export function sortParam(query: URLSearchParams, rules: object): ListQuery['sort'] | FieldIssue {
  const text = query.get('sort');
  if (text === null) return undefined;
  const field = text.startsWith('-') ? text.slice(1) : text;
  if (field !== 'id' && !Object.hasOwn(rules, field)) return { field: 'sort', message: \`\${field} is not a field\` };
  return { field, descending: text.startsWith('-') };
}`,
      ),
      atom(
        'function',
        'filtersOf',
        'The equality filters of a query',
        `
/** One equality filter per query parameter other than limit, offset and sort, or an issue naming it. */
export function filtersOf<T>(query: URLSearchParams, rules: FieldRules<T>): Map<string, string | number | boolean | FieldIssue> {
  const ruleOf = new Map(Object.entries<FieldRule>(rules));
  const filters = new Map<string, string | number | boolean | FieldIssue>();
  for (const [name, text] of query) {
    if (name === 'limit' || name === 'offset' || name === 'sort') continue;
    const rule = ruleOf.get(name);
    filters.set(name, rule === undefined ? { field: name, message: 'is not a field to filter on' } : filterValue(name, rule, text));
  }
  return filters;
}`,
      ),
      atom(
        'function',
        'parseListQuery',
        'Reads a list query, or a 400 naming the parameters',
        `
/** Reads \`limit\`, \`offset\`, \`sort\` and one equality filter per field; a 400 names every parameter at fault. */
export function parseListQuery<T>(query: URLSearchParams, rules: FieldRules<T>): ListQuery {
  const limit = countParam(query, 'limit', PAGE_LIMITS.default, 1, PAGE_LIMITS.max);
  const offset = countParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const sort = sortParam(query, rules);
  const filters = filtersOf(query, rules);
  const issues = [limit, offset, sort, ...filters.values()].filter(isIssue);
  if (isIssue(limit) || isIssue(offset) || isIssue(sort) || issues.length > 0) {
    throw new HttpError(400, \`invalid query: \${issues.map((issue) => issue.field).join(', ')}\`, { details: issues });
  }
  const values = [...filters].flatMap(([name, value]) => (isIssue(value) ? [] : [[name, value] as const]));
  return { filters: Object.fromEntries(values), sort, limit, offset };
}`,
      ),
      atom(
        'function',
        'compareValues',
        'Orders two field values',
        `
/** Orders two field values: numbers by size, text by locale, false before true, absent values last. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}`,
      ),
      atom(
        'function',
        'pageOf',
        'The page of records a query asks for',
        `
/** The records matching every filter, sorted when asked (stable), then the page \`offset\`..\`offset + limit\`. */
export function pageOf<T extends object>(records: readonly T[], query: ListQuery): Page<T> {
  const field = (record: T, name: string): unknown => Reflect.get(record, name);
  const matching = records.filter((record) =>
    Object.entries(query.filters).every(([name, value]) => field(record, name) === value),
  );
  const sort = query.sort;
  if (sort !== undefined) {
    const sign = sort.descending ? -1 : 1;
    matching.sort((a, b) => sign * compareValues(field(a, sort.field), field(b, sort.field)));
  }
  const items = matching.slice(query.offset, query.offset + query.limit);
  return { items, total: matching.length, limit: query.limit, offset: query.offset };
}`,
      ),
    ],
  };
}
