/** Stream names. */
export const streams = { events: 'EVENTS', work: 'WORK', dlq: 'DLQ' } as const;

/** The aggregates that events belong to; the fourth token of an event subject. */
export const Aggregate = {
  run: 'run',
  discovery: 'discovery',
  plan: 'plan',
  atom: 'atom',
  task: 'task',
  milestone: 'milestone',
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
} as const;
/** A service name. */
export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];
/** Every service, in pipeline order. */
export const serviceNames: readonly ServiceName[] = Object.values(ServiceName);

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
  /** Work of one kind for one service. */
  work: (service: ServiceName, kind: string) => `mge.work.${service}.${kind}`,
  /** All work of one service, for its durable consumer. */
  serviceWork: (service: ServiceName) => `mge.work.${service}.>`,
  /** All work. */
  allWork: 'mge.work.>',
  /** Rejected messages of one consumer. */
  dlq: (consumer: string) => `mge.dlq.${consumer}`,
  /** Every rejected message. */
  allDlq: 'mge.dlq.>',
} as const;

/** Reads an event subject back into its parts, or undefined when it is not one. */
export function parseEventSubject(
  subject: string,
): { runId: string; aggregate: string; name: string } | undefined {
  const parts = subject.split('.');
  if (parts.length !== 5 || parts[0] !== 'mge' || parts[1] !== 'ev') return undefined;
  return { runId: parts[2]!, aggregate: parts[3]!, name: parts[4]! };
}
