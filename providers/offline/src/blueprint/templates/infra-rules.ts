import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/validation/rules.ts: field kinds, rules and the checks behind them. */
export function rulesFile(): FileTemplate {
  return {
    ...INFRA.rules,
    kind: 'source',
    description: 'Field rules: the kinds a field may have and how each kind is checked',
    atoms: [
      atom(
        'type',
        'FieldKind',
        'The kinds of value a field may hold',
        `
/** The kinds of value a field may hold; dates are ISO 8601 strings, references are record ids. */
export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'email' | 'reference';`,
      ),
      atom(
        'interface',
        'FieldRule',
        'How one field of a request body is checked',
        `
/** How one field of a request body is checked: its kind, whether required, an enum's values, uniqueness. */
export interface FieldRule {
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly values?: readonly string[];
  readonly unique?: boolean;
}`,
      ),
      atom(
        'type',
        'FieldRules',
        'One rule per field of a type',
        `
/** One rule for every field of T, optional fields included, and no rule for anything else. */
export type FieldRules<T> = { readonly [K in keyof T]-?: FieldRule };`,
      ),
      atom(
        'interface',
        'FieldIssue',
        'A problem with one field',
        `
/** A problem with one field, as reported to the client. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}`,
      ),
      atom(
        'type',
        'Validation',
        'The outcome of checking a body',
        `
/** The outcome of checking a body: the typed value, or why it was refused. */
export type Validation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly issues: readonly FieldIssue[] };`,
      ),
      atom(
        'interface',
        'FieldCheck',
        'A test of one kind of value and its message',
        `
/** A test of one kind of value, and what the client is told when a value fails it. */
export interface FieldCheck {
  readonly test: (value: unknown) => boolean;
  readonly message: string;
}`,
      ),
      atom(
        'const',
        'ISO_DATE_PATTERN',
        'YYYY-MM-DD with an optional time and zone',
        `
/** YYYY-MM-DD, optionally followed by a time (THH:MM, seconds and milliseconds optional) and a zone. */
export const ISO_DATE_PATTERN =
  /^(\\d{4})-(\\d{2})-(\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})?)?$/;`,
      ),
      atom(
        'function',
        'isIsoDate',
        'Whether a value is an ISO 8601 date naming a real day',
        `
/** Whether a value is an ISO 8601 date or date-time naming a real calendar day (no 30 February). */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Built in a leap year, then moved to the real one, so years below 100 are not read as 19xx.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}`,
      ),
      atom(
        'const',
        'EMAIL_PATTERN',
        'Something, an @, a domain with a dot',
        `
/** Something, an @, then a domain with at least one dot; no spaces anywhere. */
export const EMAIL_PATTERN = /^[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+$/;`,
      ),
      atom(
        'function',
        'isEmailAddress',
        'Whether a value looks like an email address',
        `
/** Whether a value looks like an email address. */
export function isEmailAddress(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 254 && EMAIL_PATTERN.test(value);
}`,
      ),
      atom(
        'const',
        'fieldChecks',
        'The check for each kind of field',
        `
/** How each kind of field is checked. */
export const fieldChecks: Readonly<Record<FieldKind, FieldCheck>> = {
  string: { test: (value) => typeof value === 'string' && value.trim() !== '', message: 'must be a non-empty string' },
  number: { test: (value) => typeof value === 'number' && Number.isFinite(value), message: 'must be a number' },
  integer: { test: (value) => Number.isSafeInteger(value), message: 'must be an integer' },
  boolean: { test: (value) => typeof value === 'boolean', message: 'must be true or false' },
  date: { test: isIsoDate, message: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time' },
  email: { test: isEmailAddress, message: 'must be an email address' },
  reference: { test: (value) => typeof value === 'string' && value !== '', message: 'must be a record id (a string)' },
};`,
      ),
      atom(
        'function',
        'isPlainObject',
        'Whether a value is a JSON object',
        `
/** Whether a value is a JSON object: not null, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}`,
      ),
    ],
  };
}
