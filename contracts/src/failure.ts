import { z } from 'zod';
import type { ValidationError } from './events/common.js';

/** Why an atom attempt was rejected, as far as choosing a repair goes. */
export const FailureClass = z.enum(['syntax', 'import', 'type', 'test', 'timeout', 'provider']);
/** A failure class. */
export type FailureClass = z.infer<typeof FailureClass>;

/** TypeScript diagnostics that mean a name is not in scope: a missing or misspelled import. */
const IMPORT_DIAGNOSTICS = new Set(['TS2304', 'TS2305', 'TS2307', 'TS2552', 'TS2724', 'TS2503', 'TS2614']);

/** The class of one validation error. */
export function classOfError(error: ValidationError): FailureClass {
  if (error.code === 'generation') return 'provider';
  if (error.code === 'timeout') return 'timeout';
  if (error.code === 'unresolved-import' || IMPORT_DIAGNOSTICS.has(error.code)) return 'import';
  if (error.code.startsWith('TS') || error.code === 'missing') return 'type';
  if (error.level === 1) return 'syntax';
  return 'test';
}

/** The class of a rejection: that of its first error (the one a repair must address first). */
export const classifyFailure = (errors: readonly ValidationError[]): FailureClass =>
  errors[0] === undefined ? 'provider' : classOfError(errors[0]);

/** What the next attempt is told to do, by the class of the last failure. */
export const repairInstructions: Readonly<Record<FailureClass, string>> = {
  syntax:
    'The previous attempt did not parse or was not exactly one declaration of the promised symbol. Return one complete, syntactically valid top-level declaration.',
  import:
    'The previous attempt used a name that is not in scope. Use only the symbols listed as needs, the declared Node imports and globals; do not invent helpers.',
  type: 'The previous attempt did not type-check. Keep the declared signature and make every expression match the types it is used with.',
  test: 'The previous attempt compiled but a generated test failed. Re-read the behaviour the tests expect (status codes, checks, edge cases) and implement it exactly.',
  timeout:
    'The previous attempt made the tests time out. Avoid unbounded loops and waits; every request must get an answer.',
  provider:
    'The previous attempt produced no usable answer. Answer with the code of the declaration only, in the requested format.',
};
