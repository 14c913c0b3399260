import type { z } from 'zod';
import type { ServiceName, WorkLane } from './subjects.js';
import {
  GenerateAtom,
  GenerateFile,
  ValidateMilestone,
  ValidatePlan,
  ValidateProject,
  ValidateTask,
} from './work.js';

/** What the catalog says of a work item: who does it, on which subject, in which shape. */
export interface WorkDef {
  readonly service: ServiceName;
  readonly kind: string;
  readonly lane?: WorkLane;
  readonly version: number;
  readonly doc: string;
  readonly schema: z.ZodType;
}

/** Every work item: the service that does it, its subject kind and payload schema. */
export const workCatalog = {
  GenerateAtom: {
    service: 'executor',
    kind: 'generate',
    version: 1,
    schema: GenerateAtom,
    doc: 'Generate one atom attempt.',
  },
  ValidateTask: {
    service: 'validator',
    kind: 'task',
    version: 1,
    schema: ValidateTask,
    doc: 'Run L2 on a task.',
  },
  ValidateMilestone: {
    service: 'validator',
    kind: 'milestone',
    version: 1,
    schema: ValidateMilestone,
    doc: 'Run L3 on a milestone.',
  },
  ValidatePlan: {
    service: 'validator',
    kind: 'plan',
    version: 1,
    schema: ValidatePlan,
    doc: 'Run L4 on the project.',
  },
  GenerateFile: {
    service: 'executor',
    kind: 'file',
    lane: 'v1',
    version: 1,
    schema: GenerateFile,
    doc: "V1: generate one task's whole file.",
  },
  ValidateProject: {
    service: 'validator',
    kind: 'project',
    lane: 'v1',
    version: 1,
    schema: ValidateProject,
    doc: 'V1: build, test and smoke-test the whole project once.',
  },
} as const satisfies Record<string, WorkDef>;

/** The name of a work item type, e.g. `GenerateAtom`. */
export type WorkType = keyof typeof workCatalog;
/** The payload of a work item type. */
export type WorkData<T extends WorkType> = z.infer<(typeof workCatalog)[T]['schema']>;

/** The catalog entry of a work item type. */
export const workDef = (type: WorkType): WorkDef => workCatalog[type];
