import type { AtomView, DecisionMeta, RunView } from '@mge/run';
import type { MgeEvent, WorkItem } from '@mge/contracts';
import { classifyFailure, createMessage } from '@mge/contracts';
import type { Budget } from './budget.js';
import { budgetOf } from './budget.js';
import { completion, IN_FLIGHT } from './run-completion.js';
import type { Decision, Draft, RunSchedule } from './schedule-state.js';
import {
  decided,
  feedbackOf,
  issue,
  nothingDecided,
  record,
  startDraft,
  temperatureOf,
} from './schedule-state.js';
import { decideV1 } from './schedule-v1.js';
import { milestoneDependencies, pendingValidations } from './validations.js';

/**
 * The run's scheduler as a pure decider: retry rejected atoms (next temperature, errors fed back, a
 * repair instruction for the failure's class) or fail them with their dependents blocked; dispatch
 * every atom whose dependencies passed, up to the run's concurrency and budget; ask for the
 * validations that became due; complete the run. Each decided event is folded into the draft's copy of
 * the view as it is made, and work already issued is not issued again; after a reload nothing counts
 * as issued, so work lost with a crashed scheduler (an atom recorded as dispatched whose work item was
 * never stored) is issued again under the same id. Neither `state` nor `meta` is changed.
 */
export function decide(state: RunSchedule, meta: DecisionMeta): Decision {
  const request = state.view.requested;
  if (request?.mode === 'v1') return decideV1(state, meta);
  const { view: before } = state;
  if (request === undefined || before.completed !== undefined || before.atoms.size === 0)
    return nothingDecided(state);
  const draft = startDraft(state);
  const view = draft.view;
  const budget = budgetOf(view);
  let stalled = false;
  const atoms = [...view.atoms.values()];
  if (!state.reissued) {
    for (const atom of atoms) if (atom.status === 'dispatched') issue(draft, generateWork(view, atom, meta));
  }
  for (const atom of atoms.filter((a) => a.status === 'invalid')) {
    if (atom.final || atom.attempt >= request.temperatures.length + atom.allowance)
      record(draft, atomFailed(view, atom, meta));
    else if (budget.canDispatch()) dispatch(draft, atom, budget, meta);
    else stalled = true;
  }
  let free = request.concurrency - atoms.filter((a) => IN_FLIGHT.has(a.status)).length;
  for (const atom of readyAtoms(view)) {
    if (free <= 0) break;
    if (!budget.canDispatch()) {
      stalled = true;
      break;
    }
    dispatch(draft, atom, budget, meta);
    free -= 1;
  }
  const plan = view.plan;
  const milestoneDeps =
    plan === undefined ? state.milestoneDeps : (state.milestoneDeps ?? milestoneDependencies(view));
  if (plan !== undefined && milestoneDeps !== undefined)
    for (const work of pendingValidations(view, plan, milestoneDeps, meta)) issue(draft, work);
  for (const event of completion(view, stalled ? budget : undefined, meta)) record(draft, event);
  return decided(draft, state, { reissued: true, milestoneDeps });
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

/** The atom's next attempt: AtomDispatched, folded into the draft, and its GenerateAtom work. */
function dispatch(draft: Draft, atom: AtomView, budget: Budget, meta: DecisionMeta): void {
  const { view } = draft;
  const attempt = atom.attempt + 1;
  const temperature = temperatureOf(view.requested?.temperatures ?? [], attempt);
  if (temperature === undefined) return; // a request always has one (its schema says so)
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
  const stamp = { ...meta, key: [atom.spec.id, attempt], subject: atom.spec.id };
  record(draft, createMessage('AtomDispatched', data, stamp));
  issue(draft, generateWork(view, atom, meta));
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
  for (let next = frontier.pop(); next !== undefined; next = frontier.pop()) {
    for (const dependent of dependents.get(next) ?? []) {
      if (found.has(dependent)) continue;
      found.add(dependent);
      frontier.push(dependent);
    }
  }
  return [...found].filter((id) => view.atoms.get(id)?.status !== 'failed').sort();
}
