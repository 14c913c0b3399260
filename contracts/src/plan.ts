import { z } from 'zod';
import { ItemId } from './ids.js';

/** The three phases of every plan, in order. */
export const PhaseId = z.enum(['setup', 'core', 'polish']);
/** A phase id. */
export type PhaseId = z.infer<typeof PhaseId>;

/** What a target file is: TypeScript source, a test file, or an asset (package.json, README, …). */
export const TaskKind = z.enum(['source', 'test', 'asset']);
/** A task kind. */
export type TaskKind = z.infer<typeof TaskKind>;

/** One target file of the generated project, with the symbols it exports and the tasks it needs. */
export const Task = z
  .object({
    id: ItemId,
    milestoneId: ItemId,
    file: z.string().regex(/^[A-Za-z0-9_./-]+$/, 'must be a relative path'),
    kind: TaskKind,
    description: z.string(),
    exports: z.array(z.string().min(1)),
    dependsOn: z.array(ItemId),
    estimatedLines: z.number().int().nonnegative(),
  })
  .strict();
/** A task. */
export type Task = z.infer<typeof Task>;

/** A milestone: shared infrastructure, one entity, or integration. Validated at L3. */
export const Milestone = z
  .object({
    id: ItemId,
    phase: PhaseId,
    name: z.string(),
    kind: z.enum(['infrastructure', 'entity', 'integration']),
    entity: z.string().optional(),
    description: z.string(),
    dependsOn: z.array(ItemId),
    tasks: z.array(Task),
  })
  .strict();
/** A milestone. */
export type Milestone = z.infer<typeof Milestone>;

/** A phase of the plan. */
export const Phase = z.object({ id: PhaseId, name: z.string(), milestones: z.array(Milestone) }).strict();
/** A phase. */
export type Phase = z.infer<typeof Phase>;

/** The MasterPlan: phases → milestones → tasks (one per target file). */
export const MasterPlan = z.object({ phases: z.array(Phase).length(3) }).strict();
/** A MasterPlan. */
export type MasterPlan = z.infer<typeof MasterPlan>;

/** Every milestone of a plan, in plan order. */
export const planMilestones = (plan: MasterPlan): Milestone[] => plan.phases.flatMap((p) => p.milestones);
/** Every task of a plan, in plan order. */
export const planTasks = (plan: MasterPlan): Task[] => planMilestones(plan).flatMap((m) => m.tasks);
