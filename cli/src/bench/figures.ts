import type { AtomSpec, StoredEvent } from '@mge/contracts';
import { isEvent } from '@mge/contracts';

/** What the benchmark reports about one run, computed from its events. */
export interface BenchFigures {
  readonly atoms: number;
  readonly waves: number;
  /** Longest chain of measured work through the graph: atoms (generation + L1, every attempt), then L2, L3, L4. */
  readonly criticalPathMs: number;
  /** Measured generation time of every attempt. */
  readonly workMs: number;
  /** The physical limit: max(critical path, work ÷ concurrency). */
  readonly boundMs: number;
  /** From the atom graph being built to the run's completion. */
  readonly wallMs: number;
  readonly overheadRatio: number;
  readonly events: number;
  readonly eventsPerSec: number;
}

const durationOf = (event: StoredEvent): number => (event.data as { durationMs?: number }).durationMs ?? 0;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The figures of a completed run from its events and the concurrency it ran at. */
export function benchFigures(events: readonly StoredEvent[], concurrency: number): BenchFigures {
  const graph = events.find((e) => isEvent(e, 'AtomGraphBuilt'));
  const completed = events.find((e) => isEvent(e, 'RunCompleted'));
  if (graph === undefined || completed === undefined)
    throw new Error('the run has no atom graph or did not complete');
  const atoms: AtomSpec[] = graph.data.atoms;
  const work = new Map<string, number>();
  const add = (key: string, ms: number) => work.set(key, (work.get(key) ?? 0) + ms);
  let generation = 0;
  const last = new Map<string, number>(); // latest validation duration per task / milestone / plan
  for (const event of events) {
    if (event.type === 'AtomGenerated' || event.type === 'AtomValidated') {
      add((event.data as { atomId: string }).atomId, durationOf(event));
      if (event.type === 'AtomGenerated') generation += durationOf(event);
    }
    if (event.type === 'TaskValidated')
      last.set(`task:${(event.data as { taskId: string }).taskId}`, durationOf(event));
    if (event.type === 'MilestoneValidated')
      last.set(`milestone:${(event.data as { milestoneId: string }).milestoneId}`, durationOf(event));
    if (event.type === 'MasterPlanValidated') last.set('plan', durationOf(event));
  }
  const finish = new Map<string, number>();
  const byId = new Map(atoms.map((a) => [a.id, a]));
  const finishOf = (atom: AtomSpec): number => {
    const known = finish.get(atom.id);
    if (known !== undefined) return known;
    const start = Math.max(0, ...atom.dependsOn.map((d) => finishOf(byId.get(d)!)));
    const end = start + (work.get(atom.id) ?? 0);
    finish.set(atom.id, end);
    return end;
  };
  const taskEnd = new Map<string, number>();
  for (const atom of [...atoms].sort((a, b) => a.wave - b.wave)) {
    taskEnd.set(atom.taskId, Math.max(taskEnd.get(atom.taskId) ?? 0, finishOf(atom)));
  }
  const milestoneEnd = new Map<string, number>();
  for (const atom of atoms) {
    const task = (taskEnd.get(atom.taskId) ?? 0) + (last.get(`task:${atom.taskId}`) ?? 0);
    milestoneEnd.set(atom.milestoneId, Math.max(milestoneEnd.get(atom.milestoneId) ?? 0, task));
  }
  const milestonesDone = Math.max(
    0,
    ...[...milestoneEnd].map(([id, end]) => end + (last.get(`milestone:${id}`) ?? 0)),
  );
  const criticalPathMs = milestonesDone + (last.get('plan') ?? 0);
  const boundMs = Math.max(criticalPathMs, generation / concurrency);
  const wallMs = Date.parse(completed.time) - Date.parse(graph.time);
  const during = events.filter((e) => e.seq >= graph.seq && e.seq <= completed.seq).length;
  return {
    atoms: atoms.length,
    waves: graph.data.waves,
    criticalPathMs: round(criticalPathMs),
    workMs: round(generation),
    boundMs: round(boundMs),
    wallMs,
    overheadRatio: round(wallMs / boundMs, 3),
    events: during,
    eventsPerSec: round(during / (wallMs / 1000), 0),
  };
}
