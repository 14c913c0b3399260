import type {
  ArtifactStored,
  AtomSpec,
  DiscoveryDocument,
  ValidationError,
  MessageRejected,
  RunRequested,
  StageFailed,
  FailureClass,
  MasterPlan,
  Task,
  RunSummary,
  ProjectValidated,
} from '@mge/contracts';

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
  /** Attempts a reviewer granted beyond the run's temperature schedule. */
  allowance: number;
  /** Its last attempt was refused in a way no further attempt can change (the provider refused the request). */
  final: boolean;
  /** When blocked: where it stood before, to go on from there if a reviewer fixes the atom that blocked it. */
  beforeBlock: AtomStatus | undefined;
}

/** The latest result of one validation above L1. */
export interface LevelView {
  readonly revision: string;
  readonly passed: boolean;
  readonly errors: readonly ValidationError[];
  readonly blamedAtoms: readonly string[];
}

export interface VerdictCounts {
  passed: number;
  failed: number;
}

/** Rejected atom attempts: by the level that rejected them, and by the class of failure. */
export interface FailureCounts {
  readonly byLevel: { l1: number; l2: number; l3: number; l4: number };
  readonly byClass: Record<FailureClass, number>;
}

/** One V1 file: its code, or why the provider could not write it. */
export interface V1File {
  readonly file: string;
  readonly code: string | undefined;
  readonly failure: string | undefined;
}

/** A V1 run's own state: the flat task list, the files written (by task id), the end-of-run check. */
export interface V1View {
  readonly tasks: readonly Task[];
  readonly files: Map<string, V1File>;
  result: ProjectValidated | undefined;
}

/** A run's state, folded from its events in order. */
export interface RunView {
  readonly runId: string;
  requested: RunRequested | undefined;
  requestedAt: string | undefined;
  correlationId: string | undefined;
  document: DiscoveryDocument | undefined;
  plan: MasterPlan | undefined;
  /** Set once a V1 run has its task list. */
  v1: V1View | undefined;
  readonly atoms: Map<string, AtomView>;
  readonly taskAtoms: Map<string, string[]>;
  readonly milestoneAtoms: Map<string, string[]>;
  waves: number;
  readonly tasks: Map<string, LevelView>;
  readonly milestones: Map<string, LevelView>;
  planResult: (LevelView & { tests: { passed: number; failed: number }; outDir: string }) | undefined;
  readonly counts: { l1: VerdictCounts; l2: VerdictCounts; l3: VerdictCounts; l4: VerdictCounts };
  readonly failures: FailureCounts;
  /** How many times the run was asked to resume. */
  resumes: number;
  /** How many times a reviewer's edit or regeneration reopened the run after it completed. */
  reopens: number;
  readonly tokens: { input: number; output: number; cacheWrite: number; cacheRead: number };
  /** What the run's model work costs at list price, wherever its answers came from. */
  costUsd: number;
  /** Model cost by task (atomizing it, writing its atoms or its V1 file); the stages' is the run's alone. */
  readonly taskCosts: Map<string, number>;
  /** The run's recorded model calls (providers that record them: `anthropic`). */
  readonly modelCalls: ModelCallCounts;
  attempts: number;
  stageFailure: StageFailed | undefined;
  readonly rejected: MessageRejected[];
  completed: RunSummary | undefined;
  completedAt: string | undefined;
  /** The stream sequence of the last event folded (0 for none). */
  lastSeq: number;
  /** The built project in the object store, once stored (the latest revision's). */
  artifact: ArtifactStored | undefined;
  /** The latest time of the events folded. */
  lastEventAt: string | undefined;
  /** Ids of the events folded, so a redelivered or re-read event is applied once. */
  readonly seen: SeenIds;
}

/** The ids of the events a view folded: a Set, or a draft's own ids over those of the view it copied. */
export interface SeenIds {
  has(id: string): boolean;
  add(id: string): unknown;
}

/** A run's model calls by where their answers came from, and what the API billed for them. */
export interface ModelCallCounts {
  calls: number;
  /** Calls sent to the API. */
  requests: number;
  cacheHits: number;
  /** Calls answered from the recordings of the run re-executed. */
  replayed: number;
  billedUsd: number;
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
    v1: undefined,
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
    reopens: 0,
    tokens: { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 },
    costUsd: 0,
    taskCosts: new Map(),
    modelCalls: { calls: 0, requests: 0, cacheHits: 0, replayed: 0, billedUsd: 0 },
    attempts: 0,
    stageFailure: undefined,
    rejected: [],
    completed: undefined,
    completedAt: undefined,
    lastSeq: 0,
    lastEventAt: undefined,
    artifact: undefined,
    seen: new Set(),
  };
}
