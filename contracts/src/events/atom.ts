import { z } from 'zod';
import { ItemId } from '../ids.js';
import { FailureClass } from '../failure.js';
import { atomRef, generatedCode, ValidationError } from './common.js';

const attempt = z.number().int().positive();

/** The executor sent an atom to be generated (attempt n, at a temperature, with the errors fed back). */
export const AtomDispatched = z
  .object({
    ...atomRef,
    attempt,
    temperature: z.number().min(0).max(1),
    wave: z.number().int().nonnegative(),
    feedback: z.array(z.string()).max(5),
    /** The class of the previous attempt's failure, which picks the repair instruction. */
    repair: FailureClass.optional(),
  })
  .strict();
/** Data of AtomDispatched. */
export type AtomDispatched = z.infer<typeof AtomDispatched>;

/** A provider wrote the code of one atom attempt. */
export const AtomGenerated = z
  .object({
    ...atomRef,
    attempt,
    ...generatedCode,
  })
  .strict();
/** Data of AtomGenerated. */
export type AtomGenerated = z.infer<typeof AtomGenerated>;

/** A provider could not produce an atom attempt (unparseable answer, upstream error). */
export const AtomGenerationFailed = z
  .object({ ...atomRef, attempt, reason: z.string(), retryable: z.boolean() })
  .strict();
/** Data of AtomGenerationFailed. */
export type AtomGenerationFailed = z.infer<typeof AtomGenerationFailed>;

/** The validator checked one atom attempt at L1 (parse, promised symbol, forbidden constructs). */
export const AtomValidated = z
  .object({
    ...atomRef,
    attempt,
    level: z.literal(1),
    passed: z.boolean(),
    errors: z.array(ValidationError),
    durationMs: z.number().nonnegative(),
  })
  .strict();
/** Data of AtomValidated. */
export type AtomValidated = z.infer<typeof AtomValidated>;

/** An atom used all its attempts; the atoms that depend on it, directly or not, are blocked. */
export const AtomFailed = z
  .object({
    ...atomRef,
    attempts: attempt,
    reason: z.string(),
    errors: z.array(ValidationError),
    blocked: z.array(ItemId),
  })
  .strict();
/** Data of AtomFailed. */
export type AtomFailed = z.infer<typeof AtomFailed>;
