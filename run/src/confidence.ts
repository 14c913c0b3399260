import type { Confidence, ReviewItem } from '@mge/contracts';
import type { AtomView, RunView } from './view.js';

/** How much each component weighs in an atom's confidence. */
export const CONFIDENCE_WEIGHTS = Object.freeze({
  validation: 0.4,
  retries: 0.3,
  complexity: 0.2,
  tests: 0.1,
});

/** The share of a run's atoms (besides the failed ones) that goes to review: the least sure fifth. */
export const REVIEW_SHARE = 0.2;

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const clamp = (x: number): number => Math.min(1, Math.max(0, x));

/** Symbols that a test atom of each milestone calls: `milestoneId/symbol`. */
function testedSymbols(view: RunView): Set<string> {
  const tested = new Set<string>();
  for (const atom of view.atoms.values())
    if (atom.spec.kind === 'test')
      for (const need of atom.spec.needs) tested.add(`${atom.spec.milestoneId}/${need}`);
  return tested;
}

function confidence(view: RunView, atom: AtomView, tested: ReadonlySet<string>): Confidence {
  const { spec } = atom;
  const standing = [
    atom.status === 'passed',
    view.tasks.get(spec.taskId)?.passed === true,
    view.milestones.get(spec.milestoneId)?.passed === true,
    view.planResult?.passed === true,
  ];
  const validation = atom.status === 'passed' ? standing.filter(Boolean).length / standing.length : 0;
  const allowed = (view.requested?.temperatures.length ?? 4) + atom.allowance;
  const retries = allowed <= 1 ? 1 : clamp(1 - (Math.max(1, atom.attempt) - 1) / (allowed - 1));
  const lines = atom.code?.split('\n').length ?? spec.estimatedLines;
  const complexity = 1 - clamp(0.7 * (lines / 40) + 0.3 * (spec.needs.length / 8));
  const isTested = spec.kind === 'test' || tested.has(`${spec.milestoneId}/${spec.symbol}`);
  const milestone = view.milestones.get(spec.milestoneId);
  const tests = !isTested ? 0.5 : milestone?.passed === true ? 1 : 0;
  const w = CONFIDENCE_WEIGHTS;
  const score = w.validation * validation + w.retries * retries + w.complexity * complexity + w.tests * tests;
  return {
    score: round(score),
    validation: round(validation),
    retries: round(retries),
    complexity: round(complexity),
    tests: round(tests),
  };
}

/** Every atom's confidence, from the run's events only. */
export function confidenceOf(view: RunView): Map<string, Confidence> {
  const tested = testedSymbols(view);
  return new Map([...view.atoms.values()].map((a) => [a.spec.id, confidence(view, a, tested)]));
}

/**
 * What goes to review when a run ends: every failed atom, and the least sure fifth of the run's
 * atoms among the others (blocked atoms wait for the atom that blocks them).
 */
export function reviewItems(view: RunView): ReviewItem[] {
  const scores = confidenceOf(view);
  const atoms = [...view.atoms.values()];
  const failed = atoms
    .filter((a) => a.status === 'failed')
    .map((a): ReviewItem => ({ atomId: a.spec.id, reason: 'failed', confidence: scores.get(a.spec.id)! }));
  const lowest = atoms
    .filter((a) => a.status !== 'failed' && a.status !== 'blocked')
    .map((a) => ({ atomId: a.spec.id, confidence: scores.get(a.spec.id)! }))
    .sort((a, b) => a.confidence.score - b.confidence.score || a.atomId.localeCompare(b.atomId))
    .slice(0, Math.floor(atoms.length * REVIEW_SHARE))
    .map((a): ReviewItem => ({ ...a, reason: 'low-confidence' }));
  return [...failed, ...lowest];
}
