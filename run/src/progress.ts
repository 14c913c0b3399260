import type { RunPhase, RunProgress } from '@mge/contracts';
import type { RunView } from './view.js';

/** What the progress display shows, computed from the run's view. */
export interface Progress {
  /** The pipeline, when two run side by side. */
  readonly label: string | undefined;
  /** What `passed` and `atoms` count: atoms (V2) or files written (V1). */
  readonly unit: 'atoms' | 'files';
  readonly phase: RunPhase;
  readonly wave: number;
  readonly waves: number;
  /** Waves whose every atom is settled (passed, failed or blocked). */
  readonly wavesDone: number;
  readonly passed: number;
  readonly atoms: number;
  readonly inFlight: number;
  readonly failed: number;
  readonly blocked: number;
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

/** What the run has done so far, from its view. */
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
    wavesDone: Math.min(frontier - (open.length === 0 ? 0 : 1), view.waves),
    passed: count(atoms, (a) => a.status === 'passed'),
    atoms: atoms.length,
    inFlight: count(atoms, (a) => a.status === 'dispatched' || a.status === 'generated'),
    failed: count(atoms, (a) => a.status === 'failed'),
    blocked: count(atoms, (a) => a.status === 'blocked'),
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
    wavesDone: 0,
    passed: written,
    atoms: total,
    inFlight: phase === 'generating' ? 1 : 0,
    failed: v1 === undefined ? 0 : count(v1.files.values(), (f) => f.failure !== undefined),
    blocked: 0,
    retries: 0,
    tasks: `${written}/${total}`,
    milestones: '0/0',
    costUsd: view.costUsd,
    calls: callsOf(view),
  };
}

const millisBetween = (from: string | undefined, to: string | undefined): number =>
  from === undefined || to === undefined ? 0 : Math.max(0, Date.parse(to) - Date.parse(from));

/**
 * The compact snapshot published on the run's progress subject: folded from the events up to the
 * view's last one, timed by the events' own times, never by a clock.
 */
export function runProgressOf(view: RunView): RunProgress {
  const lastEventTime = view.lastEventAt ?? view.requestedAt ?? new Date(0).toISOString();
  const p = progressOf(view);
  const summary = view.completed;
  return {
    runId: view.runId,
    mode: view.requested?.mode ?? 'v2',
    ...(view.requested?.pairing === undefined ? {} : { role: view.requested.pairing.role }),
    status: summary === undefined ? 'running' : summary.status,
    phase: p.phase,
    unit: p.unit,
    waves: { done: p.wavesDone, total: p.waves },
    atoms: { total: p.atoms, passed: p.passed, inFlight: p.inFlight, failed: p.failed, blocked: p.blocked },
    retries: p.retries,
    tokens: {
      input: view.tokens.input + view.tokens.cacheWrite + view.tokens.cacheRead,
      output: view.tokens.output,
    },
    costUsd: view.costUsd,
    elapsedMs: millisBetween(view.requestedAt, lastEventTime),
    seq: view.lastSeq,
    at: lastEventTime,
  };
}
