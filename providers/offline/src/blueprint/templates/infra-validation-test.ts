import { atom, testAtom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/validation/validation.test.ts: every kind, required and unknown fields, partial checks. */
export function validationTestFile(): FileTemplate {
  return {
    ...INFRA.validationTest,
    kind: 'test',
    description: 'Tests of body validation: every field kind, formats, required, unknown and partial',
    atoms: [
      atom(
        'interface',
        'ValidationSample',
        'A body with a field of every kind',
        `
/** A body with a field of every kind, for the validation tests. */
export interface ValidationSample {
  name: string;
  score: number;
  count: number;
  active: boolean;
  due: string;
  email: string;
  ownerId: string;
  note?: string;
}`,
      ),
      atom(
        'const',
        'validationSampleRules',
        'Rules of the validation sample',
        `
/** The rules of the validation sample: every kind once, \`note\` optional. */
export const validationSampleRules: FieldRules<ValidationSample> = {
  name: { kind: 'string', required: true },
  score: { kind: 'number', required: true },
  count: { kind: 'integer', required: true },
  active: { kind: 'boolean', required: true },
  due: { kind: 'date', required: true },
  email: { kind: 'email', required: true },
  ownerId: { kind: 'reference', required: true },
  note: { kind: 'string', required: false },
};`,
      ),
      atom(
        'function',
        'validValidationSample',
        'A sample body that passes every rule',
        `
/** A sample body that passes every rule. */
export function validValidationSample(): ValidationSample {
  return { name: 'Ada', score: 9.5, count: 3, active: true, due: '2030-01-15', email: 'ada@example.com', ownerId: 'o-1' };
}`,
      ),
      atom(
        'function',
        'issueFieldsOf',
        'The fields a validation refused',
        `
/** The fields a validation refused, in order; none when it passed. */
export function issueFieldsOf(validation: Validation<unknown>): string[] {
  return validation.ok ? [] : validation.issues.map((issue) => issue.field);
}`,
      ),
      testAtom(
        'validation: accepts a body with every kind of field',
        'accepts-valid',
        `
const body = { ...validValidationSample(), note: 'optional, but given' };
deepEqual(validateCreate<ValidationSample>(body, validationSampleRules), { ok: true, value: body });`,
      ),
      testAtom(
        'validation: names every missing required field',
        'missing-required',
        `
const result = validateCreate<ValidationSample>({}, validationSampleRules);
deepEqual(issueFieldsOf(result), ['name', 'score', 'count', 'active', 'due', 'email', 'ownerId']);`,
      ),
      testAtom(
        'validation: refuses a wrong type for every kind',
        'wrong-types',
        `
const body = { name: 42, score: 'high', count: 'three', active: 'yes', due: 20300115, email: 7, ownerId: 7, note: false };
deepEqual(issueFieldsOf(validateCreate<ValidationSample>(body, validationSampleRules)), [
  'name', 'score', 'count', 'active', 'due', 'email', 'ownerId', 'note',
]);`,
      ),
      testAtom(
        'validation: refuses blank strings and fractional integers',
        'formats',
        `
const body = { ...validValidationSample(), name: '  ', count: 2.5 };
deepEqual(issueFieldsOf(validateCreate<ValidationSample>(body, validationSampleRules)), ['name', 'count']);`,
      ),
      testAtom(
        'validation: refuses unknown fields and a client-set id',
        'unknown-fields',
        `
const result = validateCreate<ValidationSample>({ ...validValidationSample(), id: 'x', colour: 'red' }, validationSampleRules);
deepEqual(issueFieldsOf(result), ['id', 'colour']);
equal(result.ok ? '' : result.issues[0]?.message, 'is set by the server');`,
      ),
      testAtom(
        'validation: refuses a body that is not an object',
        'not-object',
        `
for (const body of [null, [], 'text', 42, undefined]) {
  const result = validateCreate<ValidationSample>(body, validationSampleRules);
  equal(result.ok ? '' : result.message, 'request body must be a JSON object', JSON.stringify(body));
}`,
      ),
      testAtom(
        'validation: a patch may name any subset of fields',
        'patch',
        `
deepEqual(validatePatch<ValidationSample>({}, validationSampleRules), { ok: true, value: {} });
deepEqual(validatePatch<ValidationSample>({ score: 1 }, validationSampleRules), { ok: true, value: { score: 1 } });
deepEqual(issueFieldsOf(validatePatch<ValidationSample>({ score: 'x', extra: 1 }, validationSampleRules)), [
  'extra',
  'score',
]);`,
      ),
      testAtom(
        'validation: dates are ISO 8601 days or date-times',
        'dates',
        `
for (const value of ['2030-01-15', '2024-02-29', '2030-01-15T09:30Z', '2030-01-15T09:30:00.123+02:00']) {
  equal(isIsoDate(value), true, value);
}
for (const value of ['2030-02-30', '2023-02-29', '2030-13-01', '15/01/2030', '2030-1-5', 'soon', 20300115]) {
  equal(isIsoDate(value), false, String(value));
}`,
      ),
      testAtom(
        'validation: email addresses need a name, an @ and a domain',
        'emails',
        `
for (const value of ['ada@example.com', 'a.b+c@mail.example.org']) equal(isEmailAddress(value), true, value);
for (const value of ['ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com', 42]) {
  equal(isEmailAddress(value), false, String(value));
}`,
      ),
    ],
  };
}
