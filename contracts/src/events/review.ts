import { z } from 'zod';
import { ItemId } from '../ids.js';
import { atomRef } from './common.js';

const unit = z.number().min(0).max(1);

/** How sure MGE is of an atom, and from what: each component in [0, 1], weighted 40/30/20/10. */
export const Confidence = z
  .object({
    score: unit,
    /** Share of the levels above it that the atom's latest attempt stands at. */
    validation: unit,
    /** 1 at the first attempt, 0 at the last one the schedule allows. */
    retries: unit,
    /** 1 for a short declaration that needs little, towards 0 for a long one that needs much. */
    complexity: unit,
    /** 1 when a passing test calls it, 0.5 when no test does, 0 when its milestone's tests fail. */
    tests: unit,
  })
  .strict();
/** A confidence score. */
export type Confidence = z.infer<typeof Confidence>;

/** One atom put up for review: every failed atom, and the least sure fifth of the others. */
export const ReviewItem = z
  .object({ atomId: ItemId, reason: z.enum(['failed', 'low-confidence']), confidence: Confidence })
  .strict();
/** A review item. */
export type ReviewItem = z.infer<typeof ReviewItem>;

/** The run ended with these atoms needing a person's look (recorded before RunCompleted). */
export const ReviewQueued = z.object({ runId: atomRef.runId, items: z.array(ReviewItem) }).strict();
/** Data of ReviewQueued. */
export type ReviewQueued = z.infer<typeof ReviewQueued>;

const reviewer = { by: z.string().min(1) };

/** A reviewer accepted the atom as it is. */
export const AtomApproved = z.object({ ...atomRef, ...reviewer, note: z.string() }).strict();
/** Data of AtomApproved. */
export type AtomApproved = z.infer<typeof AtomApproved>;

/** A reviewer turned the atom down (it stays in the queue until edited or regenerated). */
export const AtomRejected = z.object({ ...atomRef, ...reviewer, reason: z.string().min(1) }).strict();
/** Data of AtomRejected. */
export type AtomRejected = z.infer<typeof AtomRejected>;

/**
 * A reviewer wrote the atom's next attempt by hand. The run reopens: the attempt goes through L1,
 * then its task, milestone and the project are validated again, and atoms it blocked go on.
 */
export const AtomEdited = z
  .object({
    ...atomRef,
    ...reviewer,
    attempt: z.number().int().positive(),
    code: z.string(),
    codeHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  })
  .strict();
/** Data of AtomEdited. */
export type AtomEdited = z.infer<typeof AtomEdited>;

/** A reviewer asked the model for a new attempt, with a note fed back. The run reopens as for an edit. */
export const AtomRegenerationRequested = z
  .object({ ...atomRef, ...reviewer, note: z.string(), attempt: z.number().int().positive() })
  .strict();
/** Data of AtomRegenerationRequested. */
export type AtomRegenerationRequested = z.infer<typeof AtomRegenerationRequested>;
