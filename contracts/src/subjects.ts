/** Stream names. */
export const streams = { events: 'EVENTS', work: 'WORK', dlq: 'DLQ', progress: 'PROGRESS' } as const;

/** KV buckets and object stores. */
export const buckets = {
  /** Idempotency keys of submissions → the run they started. */
  submissions: 'mge-submissions',
  /** Built projects, one `.tar.gz` per run id. */
  artifacts: 'mge-artifacts',
} as const;

/** The aggregates that events belong to; the fourth token of an event subject. */
export const Aggregate = {
  run: 'run',
  discovery: 'discovery',
  plan: 'plan',
  atom: 'atom',
  task: 'task',
  milestone: 'milestone',
  file: 'file',
  project: 'project',
  flag: 'flag',
  rollout: 'rollout',
  review: 'review',
  model: 'model',
  artifact: 'artifact',
} as const;
/** An aggregate name. */
export type Aggregate = (typeof Aggregate)[keyof typeof Aggregate];

/** The services; the third token of work and DLQ subjects. */
export const ServiceName = {
  discovery: 'discovery',
  planner: 'planner',
  atomizer: 'atomizer',
  executor: 'executor',
  validator: 'validator',
  rollout: 'rollout',
  review: 'review',
  intake: 'intake',
} as const;
/** A service name. */
export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];
/** Every service, in pipeline order. */
export const serviceNames: readonly ServiceName[] = Object.values(ServiceName);

/** A separate lane of a service's work, with its own consumer: V1's work never queues behind V2's. */
export type WorkLane = 'v1';

/** The scope of events that belong to no run (flags, rollout): the third token in place of a run id. */
export const SYSTEM_SCOPE = 'system';

/** Every subject MGE uses is built here. */
export const subjects = {
  /** One event of one run: `mge.ev.<runId>.<aggregate>.<name>`. */
  event: (runId: string, aggregate: Aggregate, name: string) => `mge.ev.${runId}.${aggregate}.${name}`,
  /** One event kind across all runs, for a consumer's filter. */
  eventOfAnyRun: (aggregate: Aggregate, name: string) => `mge.ev.*.${aggregate}.${name}`,
  /** Every event of one run. */
  run: (runId: string) => `mge.ev.${runId}.>`,
  /** Every event. */
  allEvents: 'mge.ev.>',
  /** Every system-wide event (flags, rollout). */
  system: `mge.ev.${SYSTEM_SCOPE}.>`,
  /** Work of one kind for one service; V1's work has its own lane (`mge.work.executor-v1.file`). */
  work: (service: ServiceName, kind: string, lane?: WorkLane) =>
    `mge.work.${service}${lane === undefined ? '' : `-${lane}`}.${kind}`,
  /** All work of one service in one lane, for its durable consumer. */
  serviceWork: (service: ServiceName, lane?: WorkLane) =>
    `mge.work.${service}${lane === undefined ? '' : `-${lane}`}.>`,
  /** All work. */
  allWork: 'mge.work.>',
  /** Rejected messages of one consumer. */
  dlq: (consumer: string) => `mge.dlq.${consumer}`,
  /** Every rejected message. */
  allDlq: 'mge.dlq.>',
  /** Run submissions (request/reply): a `mge.run.submit` CloudEvent in, the run id out. */
  requests: 'mge.requests',
  /** `RunProgress` snapshots of one run; the stream PROGRESS keeps the last per run. */
  progress: (runId: string) => `mge.progress.${runId}`,
  /** Every run's progress. */
  allProgress: 'mge.progress.>',
} as const;

/** Reads an event subject back into its parts, or undefined when it is not one. */
export function parseEventSubject(
  subject: string,
): { runId: string; aggregate: string; name: string } | undefined {
  const parts = subject.split('.');
  if (parts.length !== 5 || parts[0] !== 'mge' || parts[1] !== 'ev') return undefined;
  return { runId: parts[2]!, aggregate: parts[3]!, name: parts[4]! };
}
