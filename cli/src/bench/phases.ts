import type { EventType, StoredEvent } from '@mge/contracts';

/** One phase of a run: when it ended (ms after the request) and the work time its events report. */
export interface PhaseTiming {
  readonly phase: string;
  readonly endMs: number;
  readonly busyMs: number;
}

const at = (event: StoredEvent | undefined, start: number): number =>
  event === undefined ? Number.NaN : Date.parse(event.time) - start;
const last = (events: readonly StoredEvent[], type: EventType) => events.findLast((e) => e.type === type);
const busy = (events: readonly StoredEvent[], type: EventType): number =>
  events
    .filter((e) => e.type === type)
    .reduce((sum, e) => sum + ((e.data as { durationMs?: number }).durationMs ?? 0), 0);

/** Phase timings of one run, from its events only. Phases overlap: L2 starts while atoms still generate. */
export function phaseTimings(events: readonly StoredEvent[]): PhaseTiming[] {
  const start = Date.parse(events.find((e) => e.type === 'RunRequested')?.time ?? '');
  const end = (type: EventType) => at(last(events, type), start);
  return [
    { phase: 'discovery', endMs: end('DiscoveryCompleted'), busyMs: 0 },
    { phase: 'planning', endMs: end('MasterPlanCreated'), busyMs: 0 },
    { phase: 'atomizing', endMs: end('AtomGraphBuilt'), busyMs: 0 },
    { phase: 'generation', endMs: end('AtomGenerated'), busyMs: busy(events, 'AtomGenerated') },
    { phase: 'L1 atoms', endMs: end('AtomValidated'), busyMs: busy(events, 'AtomValidated') },
    { phase: 'L2 tasks', endMs: end('TaskValidated'), busyMs: busy(events, 'TaskValidated') },
    { phase: 'L3 milestones', endMs: end('MilestoneValidated'), busyMs: busy(events, 'MilestoneValidated') },
    { phase: 'L4 project', endMs: end('MasterPlanValidated'), busyMs: busy(events, 'MasterPlanValidated') },
    { phase: 'total', endMs: end('RunCompleted'), busyMs: 0 },
  ];
}

/** The timings as a table for people. */
export function formatTimings(timings: readonly PhaseTiming[], label: string): string {
  const rows = timings.map(
    (t) =>
      `  ${t.phase.padEnd(14)} ${t.endMs.toFixed(0).padStart(8)} ms ${t.busyMs > 0 ? `${t.busyMs.toFixed(0).padStart(10)} ms` : ''}`,
  );
  return [
    `phases of the run (${label})`,
    `  ${'phase'.padEnd(14)} ${'ends at'.padStart(11)} ${'work time'.padStart(13)}`,
    ...rows,
  ].join('\n');
}
