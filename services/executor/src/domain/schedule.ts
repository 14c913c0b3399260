import type { AtomView, DecisionMeta, RunView } from '@mge/run';
import type { MgeEvent, StageFailed, ValidationError, WorkItem } from '@mge/contracts';
import { applyEvent, reviewItems, revisionOf, runCompleted, stageFailure } from '@mge/run';
import { classifyFailure, createMessage } from '@mge/contracts';
import type { Budget } from './budget.js';
import { budgetOf } from './budget.js';
import { findDeadEnd } from './dead-end.js';
import { scheduleV1 } from './schedule-v1.js';
import { milestoneDependencies, pendingValidations } from './validations.js';

/** One run as its scheduler holds it: the fold of its events, and the work already handed out. */
export interface RunSchedule {
  readonly view: RunView;
  /** Ids of work items issued since this schedule was built; empty after a (re)load, so lost work is re-issued. */
  readonly issued: Set<string>;
  /** Whether the work of atoms already dispatched when the schedule was built has been issued again. */
  reissued: boolean;
  /** Milestone prerequisites, computed once the atoms are known. */
  milestoneDeps?: Map<string, Set<string>>;
}

/** What the scheduler decided: events to record first, then work to hand out. */
export interface Decision {
  readonly events: MgeEvent[];
  readonly work: WorkItem[];
}

const IN_FLIGHT = new Set(['dispatched', 'generated']);

/** Errors fed back into the next attempt: the first five, one line each. */
export const feedbackOf = (errors: readonly ValidationError[]): string[] =>
  errors
    .slice(0, 5)
    .map((e) => `L${e.level} ${e.code}${e.line === undefined ? '' : ` at line ${e.line}`}: ${e.message}`);

export const createRunSchedule = (view: RunView): RunSchedule => ({
  view,
  issued: new Set(),
  reissued: false,
});

/**
 * The run's scheduler as a pure decider over its state: retry rejected atoms (next temperature,
 * errors fed back, a repair instruction for the failure's class) or fail them with their dependents
 * blocked; dispatch every atom whose dependencies passed, up to the run's concurrency and budget;
 * ask for the validations that became due; complete the run. Decisions are folded into the view as
 * they are made, and work already issued is not issued again; after a reload nothing counts as
 * issued, so work lost with a crashed scheduler (an atom recorded as dispatched whose work item was
 * never stored) is issued again under the same id.
 */
export function schedule(state: RunSchedule, meta: DecisionMeta): Decision {
  const { view } = state;
  if (view.requested?.mode === 'v1') return scheduleV1(state, meta);
  const decision: Decision = { events: [], work: [] };
  const request = view.requested;
  if (request === undefined || view.completed !== undefined || view.atoms.size === 0) return decision;
  const record = (event: MgeEvent) => {
    applyEvent(view, event);
    decision.events.push(event);
  };
  const issue = (work: WorkItem) => {
    if (state.issued.has(work.id)) return;
    state.issued.add(work.id);
    decision.work.push(work);
  };
  const budget = budgetOf(view);
  let stalled = false;
  const atoms = [...view.atoms.values()];
  if (!state.reissued) {
    for (const atom of atoms) if (atom.status === 'dispatched') issue(generateWork(view, atom, meta));
    state.reissued = true;
  }
  for (const atom of atoms.filter((a) => a.status === 'invalid')) {
    if (atom.final || atom.attempt >= request.temperatures.length + atom.allowance)
      record(atomFailed(view, atom, meta));
    else if (budget.canDispatch()) dispatch(view, atom, budget, record, issue, meta);
    else stalled = true;
  }
  let free = request.concurrency - atoms.filter((a) => IN_FLIGHT.has(a.status)).length;
  for (const atom of readyAtoms(view)) {
    if (free <= 0) break;
    if (!budget.canDispatch()) {
      stalled = true;
      break;
    }
    dispatch(view, atom, budget, record, issue, meta);
    free -= 1;
  }
  if (view.plan !== undefined) {
    state.milestoneDeps ??= milestoneDependencies(view);
    for (const work of pendingValidations(view, view.plan, state.milestoneDeps, meta)) issue(work);
  }
  for (const event of completion(view, stalled ? budget : undefined, meta)) record(event);
  return decision;
}

function generateWork(view: RunView, atom: AtomView, meta: DecisionMeta): WorkItem<'GenerateAtom'> {
  const attempt = atom.attempt;
  const data = {
    runId: view.runId,
    atomId: atom.spec.id,
    attempt,
    temperature: atom.temperature,
    feedback: attempt === 1 ? [] : feedbackOf(atom.errors),
    ...(attempt === 1 ? {} : { repair: classifyFailure(atom.errors) }),
  };
  return createMessage('GenerateAtom', data, {
    ...meta,
    key: [atom.spec.id, attempt],
    subject: atom.spec.id,
  });
}

function dispatch(
  view: RunView,
  atom: AtomView,
  budget: Budget,
  record: (event: MgeEvent) => void,
  issue: (work: WorkItem) => void,
  meta: DecisionMeta,
): void {
  const attempt = atom.attempt + 1;
  const temperatures = view.requested!.temperatures;
  const temperature = temperatures[Math.min(attempt, temperatures.length) - 1]!; // a reviewer's extra attempts use the last
  const retry = attempt === 1 ? {} : { repair: classifyFailure(atom.errors) };
  const data = {
    runId: view.runId,
    atomId: atom.spec.id,
    attempt,
    temperature,
    wave: atom.spec.wave,
    feedback: attempt === 1 ? [] : feedbackOf(atom.errors),
    ...retry,
  };
  budget.reserve();
  record(
    createMessage('AtomDispatched', data, { ...meta, key: [atom.spec.id, attempt], subject: atom.spec.id }),
  );
  issue(generateWork(view, atom, meta));
}

/** Waiting atoms whose dependencies all passed, lowest wave first. */
function readyAtoms(view: RunView): AtomView[] {
  const passed = (id: string) => view.atoms.get(id)?.status === 'passed';
  return [...view.atoms.values()]
    .filter((a) => a.status === 'waiting' && a.spec.dependsOn.every(passed))
    .sort((a, b) => a.spec.wave - b.spec.wave || a.spec.order - b.spec.order);
}

function atomFailed(view: RunView, atom: AtomView, meta: DecisionMeta): MgeEvent<'AtomFailed'> {
  const data = {
    runId: view.runId,
    atomId: atom.spec.id,
    attempts: atom.attempt,
    reason: atom.errors[0]?.message ?? 'rejected on every attempt',
    errors: atom.errors.slice(0, 5),
    blocked: dependentsOf(view, atom.spec.id),
  };
  return createMessage('AtomFailed', data, {
    ...meta,
    key: [atom.spec.id, atom.attempt],
    subject: atom.spec.id,
  });
}

/**
 * Every atom that depends on `atomId`, directly or not. Those that passed L1 are blocked too: without
 * their dependency their task can never pass L2.
 */
export function dependentsOf(view: RunView, atomId: string): string[] {
  const dependents = new Map<string, string[]>();
  for (const atom of view.atoms.values()) {
    for (const dep of atom.spec.dependsOn)
      dependents.set(dep, [...(dependents.get(dep) ?? []), atom.spec.id]);
  }
  const found = new Set<string>();
  const frontier = [atomId];
  while (frontier.length > 0) {
    for (const next of dependents.get(frontier.pop()!) ?? []) {
      if (found.has(next)) continue;
      found.add(next);
      frontier.push(next);
    }
  }
  return [...found].filter((id) => view.atoms.get(id)!.status !== 'failed').sort();
}

/** The atoms that need a person's look, recorded just before the run completes. */
function reviewQueued(view: RunView, meta: DecisionMeta): MgeEvent {
  const key = [`review-${view.reopens}`];
  const queued = createMessage(
    'ReviewQueued',
    { runId: view.runId, items: reviewItems(view) },
    { ...meta, key },
  );
  applyEvent(view, queued);
  return queued;
}

/** The run ends: review, then RunCompleted. */
const finish = (view: RunView, meta: DecisionMeta): MgeEvent[] => [
  reviewQueued(view, meta),
  runCompleted(view, meta),
];

/** The run cannot go on: StageFailed, review, then RunCompleted. */
function stopRun(view: RunView, failure: Omit<StageFailed, 'runId'>, meta: DecisionMeta): MgeEvent[] {
  const [failed, completed] = stageFailure(view, failure, meta);
  return [failed, reviewQueued(view, meta), completed];
}

function completion(view: RunView, stalledBy: Budget | undefined, meta: DecisionMeta): MgeEvent[] {
  const atoms = [...view.atoms.values()];
  const plan = view.planResult;
  const current = plan?.passed === true && plan.revision === revisionOf(view, view.atoms.keys());
  // an atom a reviewer sent back for regeneration has no new attempt yet: the old L4 does not cover it
  if (current && !atoms.some((a) => a.status === 'invalid')) return finish(view, meta);
  if (atoms.some((a) => IN_FLIGHT.has(a.status))) return [];
  if (stalledBy !== undefined) {
    const left = atoms.filter((a) => a.status === 'waiting' || a.status === 'invalid').length;
    const failure = {
      stage: 'executor' as const,
      code: 'budget',
      message: `${stalledBy.describe()}; ${left} atom(s) left undone`,
      details: [],
    };
    return stopRun(view, failure, meta);
  }
  if (atoms.some((a) => a.status === 'invalid')) return [];
  if (atoms.some((a) => a.status === 'failed')) return finish(view, meta);
  const deadEnd = findDeadEnd(view);
  if (deadEnd === undefined) return [];
  const failure = {
    stage: 'validator' as const,
    code: 'unattributed_failure',
    message: deadEnd,
    details: [],
  };
  return stopRun(view, failure, meta);
}
