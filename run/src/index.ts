export type {
  AtomStatus,
  AtomView,
  FailureCounts,
  LevelView,
  ModelCallCounts,
  RunView,
  SeenIds,
  V1File,
  V1View,
  VerdictCounts,
} from './view.js';
export { createRunView } from './view.js';
export { draftRunView } from './copy.js';
export { applyEvent, foldRun } from './fold.js';
export { revisionOf, scopeAtoms } from './scope.js';
export { summarizeRun } from './summarize.js';
export { pairSummary } from './pair.js';
export { CONFIDENCE_WEIGHTS, REVIEW_SHARE, confidenceOf, reviewItems } from './confidence.js';
export type { DecisionMeta } from './complete.js';
export { modelFailure, runCompleted, stageFailure } from './complete.js';
export type { Progress } from './progress.js';
export { progressOf, runProgressOf } from './progress.js';
export { doubtsOf, stopsForQuestions, UNSURE } from './questions.js';
