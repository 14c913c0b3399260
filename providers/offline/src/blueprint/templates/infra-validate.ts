import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/validation/validate.ts: checks a body against field rules. */
export function validateFile(): FileTemplate {
  return {
    ...INFRA.validate,
    kind: 'source',
    description: 'Body validation: unknown fields, missing required fields and each field against its rule',
    atoms: [
      atom(
        'function',
        'unknownFieldIssues',
        'Issues for fields the rules do not know',
        `
/** Issues for fields the rules do not know; \`id\` gets its own message, since the server makes ids. */
export function unknownFieldIssues(body: Record<string, unknown>, rules: object): FieldIssue[] {
  return Object.keys(body)
    .filter((field) => !Object.hasOwn(rules, field))
    .map((field) => ({ field, message: field === 'id' ? 'is set by the server' : 'is not a known field' }));
}`,
      ),
      atom(
        'function',
        'fieldIssue',
        'The issue with one field of a body, if any',
        `
/** The issue with one field of a body, if any; an absent field is an issue only when required and not partial. */
export function fieldIssue(
  field: string,
  rule: FieldRule,
  body: Record<string, unknown>,
  partial: boolean,
): FieldIssue | undefined {
  const value = Object.hasOwn(body, field) ? body[field] : undefined;
  if (value === undefined) return rule.required && !partial ? { field, message: 'is required' } : undefined;
  const check = fieldChecks[rule.kind];
  if (!check.test(value)) return { field, message: check.message };
  if (rule.values !== undefined && (typeof value !== 'string' || !rule.values.includes(value))) {
    return { field, message: \`must be one of: \${rule.values.join(', ')}\` };
  }
  return undefined;
}`,
      ),
      atom(
        'function',
        'validateFields',
        'Checks a body against rules, in full or partially',
        `
/** Checks a body against rules; a partial check (PATCH) lets any field be absent. */
export function validateFields<T>(body: unknown, rules: FieldRules<T>, partial: boolean): Validation<T> {
  if (!isPlainObject(body)) return { ok: false, message: 'request body must be a JSON object', issues: [] };
  const issues = unknownFieldIssues(body, rules);
  for (const [field, rule] of Object.entries<FieldRule>(rules)) {
    const issue = fieldIssue(field, rule, body, partial);
    if (issue !== undefined) issues.push(issue);
  }
  if (issues.length > 0) {
    return { ok: false, message: \`invalid fields: \${issues.map((issue) => issue.field).join(', ')}\`, issues };
  }
  // Every field present matches its rule, and the rules list exactly the fields of T.
  return { ok: true, value: body as T };
}`,
      ),
      atom(
        'function',
        'validateCreate',
        'Checks a body that creates a record',
        `
/** Checks a body that creates a record: every required field present, every field valid. */
export function validateCreate<T>(body: unknown, rules: FieldRules<T>): Validation<T> {
  return validateFields<T>(body, rules, false);
}`,
      ),
      atom(
        'function',
        'validatePatch',
        'Checks a body that changes some fields',
        `
/** Checks a body that changes some fields of a record: any subset, each one valid. */
export function validatePatch<T>(body: unknown, rules: FieldRules<T>): Validation<Partial<T>> {
  return validateFields<Partial<T>>(body, rules, true);
}`,
      ),
    ],
  };
}
