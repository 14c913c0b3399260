import type { AtomView, DecisionMeta, MgeEvent, RunView, ValidationError, WorkItem } from '@mge/contracts';
import { applyEvent, createMessage, revisionOf, runCompleted, stageFailure } from '@mge/contracts';
import { findDeadEnd } from './dead-end.js';

/** What the executor decided: events to record, then work to hand out. */
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

/**
 * The executor's decider: from the run's current view, what to record and dispatch now. It retries
 * rejected atoms (next temperature, errors fed back) or fails them, dispatches every atom whose
 * dependencies have passed (up to the run's concurrency), and completes the run. Decisions are folded
 * into the view as they are made, so one call never decides the same thing twice.
 */
export function schedule(view: RunView, meta: DecisionMeta): Decision {
  const decision: Decision = { events: [], work: [] };
  const request = view.requested;
  if (request === undefined || view.completed !== undefined || view.atoms.size === 0) return decision;
  const record = (event: MgeEvent) => {
    applyEvent(view, event);
    decision.events.push(event);
  };
  const atoms = [...view.atoms.values()];
  for (const atom of atoms.filter((a) => a.status === 'invalid')) {
    if (atom.attempt < request.temperatures.length) dispatch(view, atom, decision, meta);
    else record(atomFailed(view, atom, meta));
  }
  let free = request.concurrency - atoms.filter((a) => IN_FLIGHT.has(a.status)).length;
  for (const atom of readyAtoms(view)) {
    if (free-- <= 0) break;
    dispatch(view, atom, decision, meta);
  }
  const ending = completion(view, meta);
  for (const event of ending) record(event);
  return decision;
}

function dispatch(view: RunView, atom: AtomView, decision: Decision, meta: DecisionMeta): void {
  const attempt = atom.attempt + 1;
  const temperature = view.requested!.temperatures[attempt - 1]!;
  const feedback = attempt === 1 ? [] : feedbackOf(atom.errors);
  const base = { runId: view.runId, atomId: atom.spec.id, attempt, temperature, feedback };
  const stamp = { ...meta, key: [atom.spec.id, attempt], subject: atom.spec.id };
  const event = createMessage('AtomDispatched', { ...base, wave: atom.spec.wave }, stamp);
  applyEvent(view, event);
  decision.events.push(event);
  decision.work.push(createMessage('GenerateAtom', base, stamp));
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
  return createMessage('AtomFailed', data, { ...meta, key: [atom.spec.id], subject: atom.spec.id });
}

/** Every atom that depends on `atomId`, directly or not, and has not passed. */
export function dependentsOf(view: RunView, atomId: string): string[] {
  const found = new Set<string>();
  let frontier = [atomId];
  while (frontier.length > 0) {
    const next = [...view.atoms.values()]
      .filter((a) => !found.has(a.spec.id) && a.spec.dependsOn.some((d) => frontier.includes(d)))
      .map((a) => a.spec.id);
    next.forEach((id) => found.add(id));
    frontier = next;
  }
  return [...found].filter((id) => view.atoms.get(id)!.status !== 'passed').sort();
}

function completion(view: RunView, meta: DecisionMeta): MgeEvent[] {
  const atoms = [...view.atoms.values()];
  const plan = view.planResult;
  if (plan?.passed === true && plan.revision === revisionOf(view, view.atoms.keys()))
    return [runCompleted(view, meta)];
  const busy = atoms.some((a) => IN_FLIGHT.has(a.status) || a.status === 'invalid');
  if (busy) return [];
  if (atoms.some((a) => a.status === 'failed')) return [runCompleted(view, meta)];
  const deadEnd = findDeadEnd(view);
  if (deadEnd === undefined) return [];
  const failure = {
    stage: 'validator' as const,
    code: 'unattributed_failure',
    message: deadEnd,
    details: [],
  };
  return stageFailure(view, failure, meta);
}
