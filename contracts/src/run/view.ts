import type { AtomSpec } from '../atoms.js';
import type { DiscoveryDocument } from '../discovery.js';
import type { StoredEvent } from '../envelope.js';
import type { MgeEvent } from '../envelope.js';
import type { ValidationError } from '../events/common.js';
import type { MessageRejected, RunRequested, StageFailed } from '../events/run.js';
import type { FailureClass } from '../failure.js';
import { classOfError } from '../failure.js';
import type { MasterPlan } from '../plan.js';
import type { RunSummary } from '../summary.js';

/** Where one atom stands. */
export type AtomStatus =
  | 'waiting' // not dispatched yet
  | 'dispatched' // an attempt is being generated
  | 'generated' // an attempt awaits L1
  | 'passed' // the latest attempt passed L1 and nothing above blamed it
  | 'invalid' // the latest attempt was rejected (L1, generation, or blamed above); awaits a new attempt
  | 'failed' // used all attempts
  | 'blocked'; // depends on a failed atom

/** One atom of a run, as its events tell. */
export interface AtomView {
  readonly spec: AtomSpec;
  status: AtomStatus;
  /** The latest attempt dispatched (0 before the first). */
  attempt: number;
  temperature: number;
  /** Generation attempts that finished (generated or failed to generate). */
  generations: number;
  code: string | undefined;
  codeHash: string | undefined;
  /** The latest errors: L1 errors or those of a higher level that blamed this atom. */
  errors: ValidationError[];
  /** Passed L1 on attempt 1 and was never blamed by a higher level. */
  firstPass: boolean;
  /** The latest result of a level above L1 that covered this atom blamed it. */
  blamed: boolean;
  /** When failed: the atoms it blocked. */
  blocks: string[];
}

/** The latest result of one validation above L1. */
export interface LevelView {
  readonly revision: string;
  readonly passed: boolean;
  readonly errors: readonly ValidationError[];
  readonly blamedAtoms: readonly string[];
}

interface LevelCounts {
  passed: number;
  failed: number;
}

/** Rejected atom attempts: by the level that rejected them, and by the class of failure. */
export interface FailureCounts {
  readonly byLevel: { l1: number; l2: number; l3: number; l4: number };
  readonly byClass: Record<FailureClass, number>;
}

/** A run's state, folded from its events in order. */
export interface RunView {
  readonly runId: string;
  requested: RunRequested | undefined;
  requestedAt: string | undefined;
  correlationId: string | undefined;
  document: DiscoveryDocument | undefined;
  plan: MasterPlan | undefined;
  readonly atoms: Map<string, AtomView>;
  readonly taskAtoms: Map<string, string[]>;
  readonly milestoneAtoms: Map<string, string[]>;
  waves: number;
  readonly tasks: Map<string, LevelView>;
  readonly milestones: Map<string, LevelView>;
  planResult: (LevelView & { tests: { passed: number; failed: number }; outDir: string }) | undefined;
  readonly counts: { l1: LevelCounts; l2: LevelCounts; l3: LevelCounts; l4: LevelCounts };
  readonly failures: FailureCounts;
  /** How many times the run was asked to resume. */
  resumes: number;
  readonly tokens: { input: number; output: number };
  costUsd: number;
  attempts: number;
  stageFailure: StageFailed | undefined;
  readonly rejected: MessageRejected[];
  completed: RunSummary | undefined;
  completedAt: string | undefined;
  /** The stream sequence of the last event folded (0 for none). */
  lastSeq: number;
  /** Ids of the events folded, so a redelivered or re-read event is applied once. */
  readonly seen: Set<string>;
}

/** An empty run. */
export function createRunView(runId: string): RunView {
  const counts = () => ({ passed: 0, failed: 0 });
  return {
    runId,
    requested: undefined,
    requestedAt: undefined,
    correlationId: undefined,
    document: undefined,
    plan: undefined,
    atoms: new Map(),
    taskAtoms: new Map(),
    milestoneAtoms: new Map(),
    waves: 0,
    tasks: new Map(),
    milestones: new Map(),
    planResult: undefined,
    counts: { l1: counts(), l2: counts(), l3: counts(), l4: counts() },
    failures: {
      byLevel: { l1: 0, l2: 0, l3: 0, l4: 0 },
      byClass: { syntax: 0, import: 0, type: 0, test: 0, timeout: 0, provider: 0 },
    },
    resumes: 0,
    tokens: { input: 0, output: 0 },
    costUsd: 0,
    attempts: 0,
    stageFailure: undefined,
    rejected: [],
    completed: undefined,
    completedAt: undefined,
    lastSeq: 0,
    seen: new Set(),
  };
}

const count = (c: LevelCounts, passed: boolean): void => {
  if (passed) c.passed += 1;
  else c.failed += 1;
};

/** The revision of a set of atoms: the sum of their attempts, which grows with every new attempt. */
export function revisionOf(view: RunView, atomIds: Iterable<string>): string {
  let sum = 0;
  for (const id of atomIds) sum += view.atoms.get(id)?.attempt ?? 0;
  return `a${sum}`;
}

/** The atoms a validation scope covers: a task, a milestone, or the whole plan. */
export function scopeAtoms(
  view: RunView,
  scope: { taskId: string } | { milestoneId: string } | 'plan',
): string[] {
  if (scope === 'plan') return [...view.atoms.keys()];
  if ('taskId' in scope) return view.taskAtoms.get(scope.taskId) ?? [];
  return view.milestoneAtoms.get(scope.milestoneId) ?? [];
}

function countFailure(view: RunView, level: 1 | 2 | 3 | 4 | undefined, error: ValidationError): void {
  if (level !== undefined) view.failures.byLevel[`l${level}`] += 1;
  view.failures.byClass[classOfError(error)] += 1;
}

function blame(view: RunView, scope: string[], result: LevelView & { level: 2 | 3 | 4 }): void {
  if (result.passed || revisionOf(view, scope) !== result.revision) return; // stale: attempts moved on
  const errors = result.errors;
  for (const atomId of result.blamedAtoms) {
    const atom = view.atoms.get(atomId);
    if (atom === undefined || atom.status !== 'passed') continue;
    atom.status = 'invalid';
    atom.blamed = true;
    atom.firstPass = false;
    const own = errors.filter((e) => e.atomId === atomId || e.atomId === undefined);
    atom.errors = (own.length > 0 ? own : errors).slice(0, 5);
    countFailure(view, result.level, atom.errors[0] ?? { level: result.level, code: 'test', message: '' });
  }
}

/**
 * Folds one event into the view. The view is the fold's accumulator and is updated in place (a run
 * has thousands of events; copying it per event would make a replay quadratic). Applying an event
 * whose id was already folded changes nothing.
 */
export function applyEvent(view: RunView, event: MgeEvent | StoredEvent): RunView {
  if (view.seen.has(event.id)) return view;
  view.seen.add(event.id);
  if ('seq' in event) view.lastSeq = Math.max(view.lastSeq, event.seq);
  applyData(view, event);
  return view;
}

function applyData(view: RunView, event: MgeEvent): void {
  switch (event.type) {
    case 'RunRequested':
      view.requested = event.data;
      view.requestedAt = event.time;
      view.correlationId = event.correlationId;
      return;
    case 'DiscoveryCompleted':
      view.document = event.data.document;
      return;
    case 'MasterPlanCreated':
      view.plan = event.data.plan;
      return;
    case 'AtomGraphBuilt':
      view.waves = event.data.waves;
      for (const spec of event.data.atoms) {
        view.atoms.set(spec.id, newAtom(spec));
        push(view.taskAtoms, spec.taskId, spec.id);
        push(view.milestoneAtoms, spec.milestoneId, spec.id);
      }
      return;
    case 'AtomDispatched':
      return withAtom(view, event.data.atomId, (atom) => {
        if (event.data.attempt < atom.attempt) return;
        atom.attempt = event.data.attempt;
        atom.temperature = event.data.temperature;
        atom.status = 'dispatched';
        atom.blamed = false;
      });
    case 'AtomGenerated':
      view.attempts += 1;
      view.tokens.input += event.data.tokens.input;
      view.tokens.output += event.data.tokens.output;
      view.costUsd += event.data.costUsd;
      countGeneration(view, event.data.atomId);
      return withAtom(view, event.data.atomId, (atom) => {
        if (event.data.attempt !== atom.attempt) return;
        atom.status = 'generated';
        atom.code = event.data.code;
        atom.codeHash = event.data.codeHash;
      });
    case 'AtomGenerationFailed':
      view.attempts += 1;
      countGeneration(view, event.data.atomId);
      return withAtom(view, event.data.atomId, (atom) => {
        if (event.data.attempt !== atom.attempt) return;
        atom.errors = [{ level: 1, code: 'generation', message: event.data.reason }];
        countFailure(view, undefined, atom.errors[0]!);
        atom.firstPass = false;
        atom.status = 'invalid';
      });
    case 'AtomValidated':
      count(view.counts.l1, event.data.passed);
      return withAtom(view, event.data.atomId, (atom) => {
        if (event.data.attempt !== atom.attempt) return;
        atom.status = event.data.passed ? 'passed' : 'invalid';
        atom.errors = event.data.errors;
        if (!event.data.passed)
          countFailure(view, 1, event.data.errors[0] ?? { level: 1, code: 'syntax', message: '' });
        atom.firstPass = event.data.passed && event.data.attempt === 1;
      });
    case 'AtomFailed':
      return withAtom(view, event.data.atomId, (atom) => {
        atom.status = 'failed';
        atom.errors = event.data.errors;
        atom.blocks = event.data.blocked;
        for (const id of event.data.blocked) {
          const blocked = view.atoms.get(id);
          if (blocked !== undefined && blocked.status !== 'failed') blocked.status = 'blocked';
        }
      });
    case 'TaskValidated':
      count(view.counts.l2, event.data.passed);
      view.tasks.set(event.data.taskId, event.data);
      return blame(view, scopeAtoms(view, event.data), event.data);
    case 'MilestoneValidated':
      count(view.counts.l3, event.data.passed);
      view.milestones.set(event.data.milestoneId, event.data);
      return blame(view, scopeAtoms(view, event.data), event.data);
    case 'MasterPlanValidated':
      count(view.counts.l4, event.data.passed);
      view.planResult = event.data;
      return blame(view, scopeAtoms(view, 'plan'), event.data);
    case 'StageFailed':
      view.stageFailure = event.data;
      return;
    case 'MessageRejected':
      view.rejected.push(event.data);
      return;
    case 'RunResumed':
      view.resumes += 1;
      return;
    case 'RunCompleted':
      view.completed = event.data.summary;
      view.completedAt = event.time;
      return;
  }
}

function newAtom(spec: AtomSpec): AtomView {
  return {
    spec,
    status: 'waiting',
    attempt: 0,
    temperature: 0,
    generations: 0,
    code: undefined,
    codeHash: undefined,
    errors: [],
    firstPass: false,
    blamed: false,
    blocks: [],
  };
}

function push(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else list.push(value);
}

function countGeneration(view: RunView, atomId: string): void {
  const atom = view.atoms.get(atomId);
  if (atom !== undefined) atom.generations += 1;
}

/** Updates an atom that can still change: a failed or blocked atom stays so, whatever arrives late. */
function withAtom(view: RunView, atomId: string, update: (atom: AtomView) => void): void {
  const atom = view.atoms.get(atomId);
  if (atom !== undefined && atom.status !== 'failed' && atom.status !== 'blocked') update(atom);
}

/** Folds events (in log order) into a run view. */
export function foldRun(runId: string, events: Iterable<MgeEvent | StoredEvent>): RunView {
  const view = createRunView(runId);
  for (const event of events) applyEvent(view, event);
  return view;
}
