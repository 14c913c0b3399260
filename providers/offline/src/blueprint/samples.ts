import { words } from '@mge/contracts';
import { str } from './code.js';
import type { FieldModel } from './model.js';

/** A JSON value as written in TypeScript. */
export function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? str(value) : String(value);
}

const phrase = (field: string): string => words(field).join(' ');

type Sample = string | number | boolean;
type SampleField = Pick<FieldModel, 'name' | 'type' | 'reference' | 'values'>;

/** A value that passes the field's rule; a reference names the record tests seed. */
export function sampleValue(field: SampleField): Sample {
  if (field.values !== undefined) return field.values[0] ?? '';
  switch (field.type) {
    case 'string':
      return `Sample ${phrase(field.name)}`;
    case 'number':
      return 12.5;
    case 'integer':
      return 3;
    case 'boolean':
      return true;
    case 'date':
      return '2030-01-15';
    case 'email':
      return 'ada@example.com';
    case 'reference':
      return field.reference?.seedId ?? 'seed';
  }
}

/** A different valid value, used by the PATCH tests. */
export function updatedValue(field: SampleField): Sample {
  if (field.values !== undefined) return field.values[1] ?? '';
  switch (field.type) {
    case 'string':
      return `Updated ${phrase(field.name)}`;
    case 'number':
      return 7.25;
    case 'integer':
      return 4;
    case 'boolean':
      return false;
    case 'date':
      return '2030-02-20T09:30:00Z';
    case 'email':
      return 'grace@example.com';
    case 'reference':
      return sampleValue(field);
  }
}

/** A third valid value of a unique field, for records tests seed, so they never clash with a test's own. */
export function seedValue(field: SampleField): Sample {
  switch (field.type) {
    case 'string':
      return `Seeded ${phrase(field.name)}`;
    case 'number':
      return 99.5;
    case 'integer':
      return 9;
    case 'date':
      return '2031-03-03';
    case 'email':
      return 'seed@example.com';
    default:
      return sampleValue(field);
  }
}

/** A value of the wrong JSON type for the field. */
export function wrongTypeValue(field: FieldModel): string | number | boolean {
  switch (field.type) {
    case 'string':
    case 'email':
    case 'reference':
      return 42;
    case 'number':
      return 'many';
    case 'integer':
      return 'three';
    case 'boolean':
      return 'yes';
    case 'date':
      return 20300115;
  }
}

/** A value of the right JSON type that breaks the field's format, with words for the test name. */
export function badFormat(field: FieldModel): { value: string | number; what: string } | undefined {
  if (field.values !== undefined)
    return { value: outsideOf(field.values), what: 'a value outside the list in' };
  switch (field.type) {
    case 'string':
      return { value: '   ', what: 'a blank' };
    case 'integer':
      return { value: 2.5, what: 'a fractional number in' };
    case 'date':
      return { value: '2030-02-30', what: 'an impossible date in' };
    case 'email':
      return { value: 'not-an-email', what: 'a malformed' };
    default:
      return undefined;
  }
}

/** A string that is none of an enum's values. */
function outsideOf(values: readonly string[]): string {
  let value = 'not-a-listed-value';
  while (values.includes(value)) value = `${value}-x`;
  return value;
}

/** The TypeScript type of a field's value: an enum is the union of its values. */
export function tsType(field: Pick<FieldModel, 'type' | 'values'>): string {
  if (field.values !== undefined) return field.values.map((v) => str(v)).join(' | ');
  return field.type === 'number' || field.type === 'integer'
    ? 'number'
    : field.type === 'boolean'
      ? 'boolean'
      : 'string';
}
