import type { AtomSpec, MgeEvent, StoredEvent, ValidationError } from '@mge/contracts';
import { classOfError } from '@mge/contracts';
import { addGenerationCost, countCall } from './cost.js';
import { revisionOf, scopeAtoms } from './scope.js';
import type { AtomView, LevelView, RunView, VerdictCounts } from './view.js';
import { createRunView } from './view.js';

const count = (c: VerdictCounts, passed: boolean): void => {
  if (passed) c.passed += 1;
  else c.failed += 1;
};

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
  if (view.lastEventAt === undefined || event.time > view.lastEventAt) view.lastEventAt = event.time;
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
      addGenerationCost(view, event.data, view.atoms.get(event.data.atomId)?.spec.taskId);
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
        atom.final = !event.data.retryable;
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
          if (blocked === undefined || blocked.status === 'failed' || blocked.status === 'blocked') continue;
          blocked.beforeBlock = blocked.status;
          blocked.status = 'blocked';
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
    case 'ModelCallRecorded':
      return countCall(view, event.data);
    case 'RunCompleted':
      view.completed = event.data.summary;
      view.completedAt = event.time;
      return;
    case 'TaskListCreated':
      view.v1 = { tasks: event.data.tasks, files: new Map(), result: undefined };
      return;
    case 'FileGenerated':
      view.attempts += 1;
      addGenerationCost(view, event.data, event.data.taskId);
      view.v1?.files.set(event.data.taskId, {
        file: event.data.file,
        code: event.data.code,
        failure: undefined,
      });
      return;
    case 'FileGenerationFailed': {
      view.attempts += 1;
      const file = view.v1?.tasks.find((t) => t.id === event.data.taskId)?.file ?? event.data.taskId;
      view.v1?.files.set(event.data.taskId, { file, code: undefined, failure: event.data.reason });
      return;
    }
    case 'ProjectValidated':
      count(view.counts.l4, event.data.passed);
      if (view.v1 !== undefined) view.v1.result = event.data;
      return;
    case 'AtomEdited':
      return reopen(view, event.data.atomId, event.data.attempt, (atom) => {
        atom.attempt = event.data.attempt;
        atom.status = 'generated';
        atom.code = event.data.code;
        atom.codeHash = event.data.codeHash;
      });
    case 'AtomRegenerationRequested':
      return reopen(view, event.data.atomId, event.data.attempt, (atom) => {
        atom.status = 'invalid';
        atom.errors = [
          { level: 1, code: 'review', message: `a reviewer asked for a new attempt: ${event.data.note}` },
        ];
      });
    case 'ArtifactStored':
      view.artifact = event.data;
      return;
    case 'FlagChanged':
    case 'RolloutRolledBack':
      return; // system-wide: part of no run
    case 'ReviewQueued':
    case 'AtomApproved':
    case 'AtomRejected':
      return; // the review queue is a projection of its own
  }
}

/**
 * A reviewer's edit or regeneration: the run is open again, the atom gets attempt `attempt` (beyond the
 * schedule if need be), and the atoms it blocked go on from where they stood unless another failed
 * atom still blocks them.
 */
function reopen(view: RunView, atomId: string, attempt: number, update: (atom: AtomView) => void): void {
  const atom = view.atoms.get(atomId);
  if (atom === undefined || attempt <= atom.attempt) return;
  if (view.completed !== undefined) view.reopens += 1;
  view.completed = undefined;
  view.completedAt = undefined;
  view.stageFailure = undefined; // a budget stop or a dead end is decided again from here
  const blocked = atom.blocks;
  atom.allowance = Math.max(atom.allowance, attempt - (view.requested?.temperatures.length ?? attempt));
  atom.final = false;
  atom.firstPass = false;
  atom.blamed = false;
  atom.errors = [];
  atom.blocks = [];
  update(atom);
  for (const id of blocked) {
    const other = view.atoms.get(id);
    if (other?.status !== 'blocked' || dependsOnFailed(view, other, new Set())) continue;
    other.status =
      other.beforeBlock === 'passed' || other.attempt === 0 ? (other.beforeBlock ?? 'waiting') : 'invalid';
    if (other.status === 'invalid')
      other.errors = [{ level: 1, code: 'review', message: 'blocked until a reviewer fixed a dependency' }];
    other.beforeBlock = undefined;
    other.final = false;
  }
}

function dependsOnFailed(view: RunView, atom: AtomView, seen: Set<string>): boolean {
  for (const id of atom.spec.dependsOn) {
    if (seen.has(id)) continue;
    seen.add(id);
    const dep = view.atoms.get(id);
    if (dep === undefined) continue;
    if (dep.status === 'failed' || dependsOnFailed(view, dep, seen)) return true;
  }
  return false;
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
    allowance: 0,
    final: false,
    beforeBlock: undefined,
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
