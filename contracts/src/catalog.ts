import type { z } from 'zod';
import {
  AtomDispatched,
  AtomFailed,
  AtomGenerated,
  AtomGenerationFailed,
  AtomValidated,
} from './events/atom.js';
import { AtomGraphBuilt, DiscoveryCompleted, MasterPlanCreated } from './events/pipeline.js';
import { MessageRejected, RunCompleted, RunRequested, RunResumed, StageFailed } from './events/run.js';
import { FlagChanged, RolloutRolledBack } from './events/flags.js';
import {
  AtomApproved,
  AtomEdited,
  AtomRegenerationRequested,
  AtomRejected,
  ReviewQueued,
} from './events/review.js';
import { ModelCallRecorded } from './events/model.js';
import { FileGenerated, FileGenerationFailed, ProjectValidated, TaskListCreated } from './events/v1.js';
import { MasterPlanValidated, MilestoneValidated, TaskValidated } from './events/validation.js';
import { ArtifactStored } from './events/artifact.js';
import type { Aggregate } from './subjects.js';
import type { WorkData, WorkType } from './work-catalog.js';
import { workCatalog } from './work-catalog.js';

export type { WorkData, WorkDef, WorkType } from './work-catalog.js';
export { workCatalog, workDef } from './work-catalog.js';

interface EventDef {
  readonly aggregate: Aggregate;
  readonly name: string;
  readonly version: number;
  readonly doc: string;
  readonly schema: z.ZodType;
}

/** Every event: its subject tokens, schema version and payload schema. */
export const eventCatalog = {
  RunRequested: {
    aggregate: 'run',
    name: 'requested',
    version: 1,
    schema: RunRequested,
    doc: 'A backend was requested.',
  },
  DiscoveryCompleted: {
    aggregate: 'discovery',
    name: 'completed',
    version: 1,
    schema: DiscoveryCompleted,
    doc: 'The DiscoveryDocument was written.',
  },
  MasterPlanCreated: {
    aggregate: 'plan',
    name: 'created',
    version: 1,
    schema: MasterPlanCreated,
    doc: 'The MasterPlan was written.',
  },
  AtomGraphBuilt: {
    aggregate: 'plan',
    name: 'atomized',
    version: 1,
    schema: AtomGraphBuilt,
    doc: 'Tasks were split into atoms with a dependency graph.',
  },
  AtomDispatched: {
    aggregate: 'atom',
    name: 'dispatched',
    version: 1,
    schema: AtomDispatched,
    doc: 'An atom attempt was sent for generation.',
  },
  AtomGenerated: {
    aggregate: 'atom',
    name: 'generated',
    version: 1,
    schema: AtomGenerated,
    doc: 'An atom attempt was generated.',
  },
  AtomGenerationFailed: {
    aggregate: 'atom',
    name: 'generation-failed',
    version: 1,
    schema: AtomGenerationFailed,
    doc: 'A provider failed to generate an atom attempt.',
  },
  AtomValidated: {
    aggregate: 'atom',
    name: 'validated',
    version: 1,
    schema: AtomValidated,
    doc: 'An atom attempt passed or failed L1.',
  },
  AtomFailed: {
    aggregate: 'atom',
    name: 'failed',
    version: 1,
    schema: AtomFailed,
    doc: 'An atom used all its attempts.',
  },
  TaskValidated: {
    aggregate: 'task',
    name: 'validated',
    version: 1,
    schema: TaskValidated,
    doc: 'A task passed or failed L2.',
  },
  MilestoneValidated: {
    aggregate: 'milestone',
    name: 'validated',
    version: 1,
    schema: MilestoneValidated,
    doc: 'A milestone passed or failed L3.',
  },
  MasterPlanValidated: {
    aggregate: 'plan',
    name: 'validated',
    version: 1,
    schema: MasterPlanValidated,
    doc: 'The whole project passed or failed L4.',
  },
  StageFailed: {
    aggregate: 'run',
    name: 'stage-failed',
    version: 1,
    schema: StageFailed,
    doc: 'A stage could not go on.',
  },
  MessageRejected: {
    aggregate: 'run',
    name: 'message-rejected',
    version: 1,
    schema: MessageRejected,
    doc: 'A message of this run went to the DLQ.',
  },
  RunResumed: {
    aggregate: 'run',
    name: 'resumed',
    version: 1,
    schema: RunResumed,
    doc: 'An interrupted run was asked to go on.',
  },
  RunCompleted: {
    aggregate: 'run',
    name: 'completed',
    version: 1,
    schema: RunCompleted,
    doc: 'The run ended, with its summary.',
  },
  TaskListCreated: {
    aggregate: 'plan',
    name: 'listed',
    version: 1,
    schema: TaskListCreated,
    doc: 'V1: the flat task list was written.',
  },
  FileGenerated: {
    aggregate: 'file',
    name: 'generated',
    version: 1,
    schema: FileGenerated,
    doc: "V1: a task's whole file was generated in one call.",
  },
  FileGenerationFailed: {
    aggregate: 'file',
    name: 'generation-failed',
    version: 1,
    schema: FileGenerationFailed,
    doc: 'V1: a provider failed to generate a file.',
  },
  ProjectValidated: {
    aggregate: 'project',
    name: 'validated',
    version: 1,
    schema: ProjectValidated,
    doc: 'V1: the whole project was built, tested and smoke-tested once, at the end.',
  },
  ArtifactStored: {
    aggregate: 'artifact',
    name: 'stored',
    version: 1,
    schema: ArtifactStored,
    doc: 'The built project was stored as a .tar.gz in the object store under the run id.',
  },
  FlagChanged: {
    aggregate: 'flag',
    name: 'changed',
    version: 1,
    schema: FlagChanged,
    doc: 'A feature flag was set (system-wide).',
  },
  RolloutRolledBack: {
    aggregate: 'rollout',
    name: 'rolled-back',
    version: 1,
    schema: RolloutRolledBack,
    doc: 'The rollout monitor set the V2 rollout to 0 (system-wide).',
  },
  ReviewQueued: {
    aggregate: 'review',
    name: 'queued',
    version: 1,
    schema: ReviewQueued,
    doc: 'Atoms put up for review when the run ended.',
  },
  AtomApproved: {
    aggregate: 'review',
    name: 'approved',
    version: 1,
    schema: AtomApproved,
    doc: 'A reviewer accepted an atom.',
  },
  AtomRejected: {
    aggregate: 'review',
    name: 'rejected',
    version: 1,
    schema: AtomRejected,
    doc: 'A reviewer turned an atom down.',
  },
  AtomEdited: {
    aggregate: 'review',
    name: 'edited',
    version: 1,
    schema: AtomEdited,
    doc: "A reviewer wrote an atom's next attempt; the run reopens.",
  },
  AtomRegenerationRequested: {
    aggregate: 'review',
    name: 'regeneration-requested',
    version: 1,
    schema: AtomRegenerationRequested,
    doc: 'A reviewer asked for a new attempt of an atom; the run reopens.',
  },
  ModelCallRecorded: {
    aggregate: 'model',
    name: 'called',
    version: 1,
    schema: ModelCallRecorded,
    doc: 'A model was called (or answered from the cache or a recording): request hash, parameters, reply, tokens, cost.',
  },
} as const satisfies Record<string, EventDef>;

/** The name of an event type, e.g. `AtomGenerated`. */
export type EventType = keyof typeof eventCatalog;
/** The payload of an event type. */
export type EventData<T extends EventType> = z.infer<(typeof eventCatalog)[T]['schema']>;
/** Every event type. */
export const eventTypes = Object.keys(eventCatalog) as EventType[];

/** Every message type: events and work items. */
export type MessageType = EventType | WorkType;
/** The payload of any message type. */
export type MessageData<T extends MessageType> = T extends EventType
  ? EventData<T>
  : T extends WorkType
    ? WorkData<T>
    : never;

/** The catalog entry (schema, version) of any message type. */
export function messageDef(type: string): { schema: z.ZodType; version: number } | undefined {
  if (Object.hasOwn(eventCatalog, type)) return eventCatalog[type as EventType];
  if (Object.hasOwn(workCatalog, type)) return workCatalog[type as WorkType];
  return undefined;
}
