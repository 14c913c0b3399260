import { z } from 'zod';
import { ItemId } from '../ids.js';
import { levelResult, runScoped, SandboxLayer, TestCounts } from './common.js';

/** L2: the task's file type-checked (or not) against the declarations it imports. */
export const TaskValidated = z
  .object({ ...runScoped, taskId: ItemId, level: z.literal(2), ...levelResult })
  .strict();
/** Data of TaskValidated. */
export type TaskValidated = z.infer<typeof TaskValidated>;

/** L3: the milestone's files compiled together and its generated tests ran. */
export const MilestoneValidated = z
  .object({
    ...runScoped,
    milestoneId: ItemId,
    level: z.literal(3),
    ...levelResult,
    tests: TestCounts,
    sandbox: SandboxLayer.optional(),
  })
  .strict();
/** Data of MilestoneValidated. */
export type MilestoneValidated = z.infer<typeof MilestoneValidated>;

/** L4: the whole project built into `outDir/dist`, its tests passed in the sandbox, the server answered. */
export const MasterPlanValidated = z
  .object({
    ...runScoped,
    level: z.literal(4),
    ...levelResult,
    tests: TestCounts,
    smoke: z.object({ passed: z.boolean(), detail: z.string() }).strict(),
    outDir: z.string(),
    files: z.number().int().nonnegative(),
    sandbox: SandboxLayer.optional(),
  })
  .strict();
/** Data of MasterPlanValidated. */
export type MasterPlanValidated = z.infer<typeof MasterPlanValidated>;
