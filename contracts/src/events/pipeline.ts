import { z } from 'zod';
import { AtomSpec } from '../atoms.js';
import { DiscoveryDocument } from '../discovery.js';
import { MasterPlan } from '../plan.js';
import { runScoped } from './common.js';

/** Discovery wrote the DiscoveryDocument: from the request, from a given spec, or the twin's (a shadow run). */
export const DiscoveryCompleted = z
  .object({ ...runScoped, document: DiscoveryDocument, source: z.enum(['request', 'spec', 'twin']) })
  .strict();
/** Data of DiscoveryCompleted. */
export type DiscoveryCompleted = z.infer<typeof DiscoveryCompleted>;

/** The planner wrote the MasterPlan. */
export const MasterPlanCreated = z.object({ ...runScoped, plan: MasterPlan }).strict();
/** Data of MasterPlanCreated. */
export type MasterPlanCreated = z.infer<typeof MasterPlanCreated>;

/** The atomizer split every task into atoms and derived their dependency graph and waves. */
export const AtomGraphBuilt = z
  .object({
    ...runScoped,
    atoms: z.array(AtomSpec).min(1),
    waves: z.number().int().positive(),
    edges: z.number().int().nonnegative(),
  })
  .strict();
/** Data of AtomGraphBuilt. */
export type AtomGraphBuilt = z.infer<typeof AtomGraphBuilt>;
