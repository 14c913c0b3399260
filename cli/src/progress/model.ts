import type { RunView } from '@mge/contracts';

/** What the progress display shows, computed from the run's view. */
export interface Progress {
  readonly phase: 'discovery' | 'planning' | 'atomizing' | 'generating' | 'validating' | 'done';
  readonly wave: number;
  readonly waves: number;
  readonly passed: number;
  readonly atoms: number;
  readonly inFlight: number;
  readonly failed: number;
  readonly retries: number;
  readonly tasks: string;
  readonly milestones: string;
  readonly costUsd: number;
}

const count = <T>(items: Iterable<T>, predicate: (item: T) => boolean): number => {
  let n = 0;
  for (const item of items) if (predicate(item)) n++;
  return n;
};

function phaseOf(view: RunView): Progress['phase'] {
  if (view.completed !== undefined) return 'done';
  if (view.document === undefined) return 'discovery';
  if (view.plan === undefined) return 'planning';
  if (view.atoms.size === 0) return 'atomizing';
  return count(view.atoms.values(), (a) => a.status !== 'passed') > 0 ? 'generating' : 'validating';
}

export function progressOf(view: RunView): Progress {
  const atoms = [...view.atoms.values()];
  const open = atoms.filter((a) => a.status !== 'passed' && a.status !== 'failed' && a.status !== 'blocked');
  const frontier = open.length === 0 ? view.waves : Math.min(...open.map((a) => a.spec.wave)) + 1;
  return {
    phase: phaseOf(view),
    wave: Math.min(frontier, view.waves),
    waves: view.waves,
    passed: count(atoms, (a) => a.status === 'passed'),
    atoms: atoms.length,
    inFlight: count(atoms, (a) => a.status === 'dispatched' || a.status === 'generated'),
    failed: count(atoms, (a) => a.status === 'failed'),
    retries: atoms.reduce((sum, a) => sum + Math.max(0, a.attempt - 1), 0),
    tasks: `${count(view.tasks.values(), (t) => t.passed)}/${view.taskAtoms.size}`,
    milestones: `${count(view.milestones.values(), (m) => m.passed)}/${view.milestoneAtoms.size}`,
    costUsd: view.costUsd,
  };
}

/** One plain line of progress. */
export function progressLine(p: Progress, elapsedMs: number): string {
  const time = `[${(elapsedMs / 1000).toFixed(1)}s]`;
  if (p.atoms === 0) return `${time} ${p.phase}`;
  return (
    `${time} ${p.phase}: ${p.passed}/${p.atoms} atoms passed, wave ${p.wave}/${p.waves}, ${p.inFlight} in flight, ` +
    `${p.failed} failed, ${p.retries} retries; L2 ${p.tasks} tasks, L3 ${p.milestones} milestones; $${p.costUsd.toFixed(4)}`
  );
}
