import { z } from 'zod';
import { FailureClass } from './failure.js';
import { ItemId, RunId } from './ids.js';

/** Work for the executor: generate one attempt of one atom. */
export const GenerateAtom = z
  .object({
    runId: RunId,
    atomId: ItemId,
    attempt: z.number().int().positive(),
    temperature: z.number().min(0).max(1),
    feedback: z.array(z.string()).max(5),
    repair: FailureClass.optional(),
  })
  .strict();
/** A GenerateAtom work item. */
export type GenerateAtom = z.infer<typeof GenerateAtom>;

/** Work for the validator: L2 of a task at a revision (the atom attempts it is made of). */
export const ValidateTask = z.object({ runId: RunId, taskId: ItemId, revision: z.string().min(1) }).strict();
/** A ValidateTask work item. */
export type ValidateTask = z.infer<typeof ValidateTask>;

/** Work for the validator: L3 of a milestone at a revision. */
export const ValidateMilestone = z
  .object({ runId: RunId, milestoneId: ItemId, revision: z.string().min(1) })
  .strict();
/** A ValidateMilestone work item. */
export type ValidateMilestone = z.infer<typeof ValidateMilestone>;

/** Work for the validator: L4 of the whole plan at a revision. */
export const ValidatePlan = z.object({ runId: RunId, revision: z.string().min(1) }).strict();
/** A ValidatePlan work item. */
export type ValidatePlan = z.infer<typeof ValidatePlan>;

/** Work for the executor: V1 writes one task's whole file in one call. */
export const GenerateFile = z
  .object({ runId: RunId, taskId: ItemId, temperature: z.number().min(0).max(1) })
  .strict();
/** A GenerateFile work item. */
export type GenerateFile = z.infer<typeof GenerateFile>;

/** Work for the validator: V1's end-of-run check of the whole project. */
export const ValidateProject = z.object({ runId: RunId }).strict();
/** A ValidateProject work item. */
export type ValidateProject = z.infer<typeof ValidateProject>;
