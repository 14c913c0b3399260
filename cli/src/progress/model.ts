import type { RunView } from '@mge/run';

/** What the progress display shows, computed from the run's view. */
export interface Progress {
  /** The pipeline, when two run side by side. */
  readonly label: string | undefined;
  /** What `passed` and `atoms` count: atoms (V2) or files written (V1). */
  readonly unit: 'atoms' | 'files';
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
  /** Model calls so far (anthropic): sent to the API, and answered from the cache or recordings. */
  readonly calls: { readonly requests: number; readonly reused: number } | undefined;
}

const callsOf = (view: RunView): Progress['calls'] =>
  view.modelCalls.calls === 0
    ? undefined
    : { requests: view.modelCalls.requests, reused: view.modelCalls.cacheHits + view.modelCalls.replayed };

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
  if (view.requested?.mode === 'v1') return v1Progress(view);
  const atoms = [...view.atoms.values()];
  const open = atoms.filter((a) => a.status !== 'passed' && a.status !== 'failed' && a.status !== 'blocked');
  const frontier = open.length === 0 ? view.waves : Math.min(...open.map((a) => a.spec.wave)) + 1;
  return {
    label: labelOf(view),
    unit: 'atoms',
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
    calls: callsOf(view),
  };
}

const labelOf = (view: RunView): string | undefined =>
  view.requested?.pairing === undefined ? undefined : view.requested.mode;

/** V1 writes files one by one, then checks the project once. */
function v1Progress(view: RunView): Progress {
  const v1 = view.v1;
  const written = v1 === undefined ? 0 : count(v1.files.values(), (f) => f.code !== undefined);
  const total = v1?.tasks.length ?? 0;
  const phase: Progress['phase'] =
    view.completed !== undefined
      ? 'done'
      : view.document === undefined
        ? 'discovery'
        : v1 === undefined
          ? 'planning'
          : v1.files.size < total
            ? 'generating'
            : 'validating';
  return {
    label: labelOf(view),
    unit: 'files',
    phase,
    wave: 0,
    waves: 0,
    passed: written,
    atoms: total,
    inFlight: phase === 'generating' ? 1 : 0,
    failed: v1 === undefined ? 0 : count(v1.files.values(), (f) => f.failure !== undefined),
    retries: 0,
    tasks: `${written}/${total}`,
    milestones: '0/0',
    costUsd: view.costUsd,
    calls: callsOf(view),
  };
}

/** Cost so far, with the model calls behind it when they are recorded. */
const costOf = (p: Progress): string =>
  `$${p.costUsd.toFixed(4)}${p.calls === undefined ? '' : ` (${p.calls.requests} API call${p.calls.requests === 1 ? '' : 's'}, ${p.calls.reused} reused)`}`;

/** One plain line of progress. */
export function progressLine(p: Progress, elapsedMs: number): string {
  const time = `[${(elapsedMs / 1000).toFixed(1)}s]${p.label === undefined ? '' : ` ${p.label}`}`;
  if (p.atoms === 0) return `${time} ${p.phase}${p.calls === undefined ? '' : `; ${costOf(p)}`}`;
  if (p.unit === 'files')
    return `${time} ${p.phase}: ${p.passed}/${p.atoms} files written, ${p.failed} failed; ${costOf(p)}`;
  return (
    `${time} ${p.phase}: ${p.passed}/${p.atoms} atoms passed, wave ${p.wave}/${p.waves}, ${p.inFlight} in flight, ` +
    `${p.failed} failed, ${p.retries} retries; L2 ${p.tasks} tasks, L3 ${p.milestones} milestones; ${costOf(p)}`
  );
}
