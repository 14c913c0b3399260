import { z } from 'zod';
import { ValidationError } from './events/common.js';
import { FailureClass } from './failure.js';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);

/** Pass and fail counts of one validation level. */
export const LevelCounts = z.object({ passed: count, failed: count }).strict();

/** Rejected atom attempts by level and by class of failure. */
export const FailureTally = z
  .object({
    byLevel: z.object({ l1: count, l2: count, l3: count, l4: count }).strict(),
    byClass: z.record(FailureClass, count),
  })
  .strict();

/** One failed atom in the report: why, and what it blocked. */
export const FailedAtom = z
  .object({
    atomId: z.string(),
    attempts: count,
    reason: z.string(),
    errors: z.array(ValidationError),
    blocked: z.array(z.string()),
  })
  .strict();
/** A failed atom. */
export type FailedAtom = z.infer<typeof FailedAtom>;

/** One V1 file that failed: why. */
export const FailedFile = z.object({ taskId: z.string(), file: z.string(), reason: z.string() }).strict();
/** A failed file. */
export type FailedFile = z.infer<typeof FailedFile>;

/**
 * The outcome of a run, computed from its events only (so `mge replay` rebuilds it exactly).
 * `precision` is the share of atoms that passed every level; `firstPassPrecision` the share that
 * passed on their first attempt; `attempts` counts generation attempts of all atoms.
 */
export const RunSummary = z
  .object({
    runId: z.string(),
    status: z.enum(['succeeded', 'failed']),
    mode: z.string(),
    provider: z.string(),
    /** The Claude model of an anthropic run. */
    model: z.string().optional(),
    request: z.string(),
    outDir: z.string(),
    tasks: count,
    milestones: count,
    atoms: count,
    waves: count,
    attempts: count,
    retries: count,
    precision: share,
    firstPassPrecision: share,
    durationMs: count,
    /** Every token the model was sent or wrote; `cacheWrite`/`cacheRead` when the prompt cache was used. */
    tokens: z
      .object({
        input: count,
        output: count,
        total: count,
        cacheWrite: count.optional(),
        cacheRead: count.optional(),
      })
      .strict(),
    /** What the run's model work costs at list price, whether answered by the API, the cache or a recording. */
    costUsd: z.number().nonnegative(),
    /** Model cost by task (its atomizing, atoms or V1 file), dearest first; absent when the run cost nothing. */
    costByTask: z.record(z.string(), z.number().nonnegative()).optional(),
    /** Recorded model calls (`anthropic`): how many, how many were sent, cached or replayed, billed and saved. */
    modelCalls: z
      .object({
        calls: count,
        requests: count,
        cacheHits: count,
        replayed: count,
        billedUsd: z.number().nonnegative(),
        savedUsd: z.number().nonnegative(),
      })
      .strict()
      .optional(),
    /** `free` (offline), `simulated` (synthetic tokens priced by the table) or `billed` (the API's usage). */
    costBasis: z.enum(['free', 'simulated', 'billed']),
    budgetUsd: z.number().positive().optional(),
    /** Atoms by the number of attempts they used ("1": atoms done at the first attempt, …). */
    attemptsHistogram: z.record(z.string().regex(/^\d+$/), count),
    failures: FailureTally,
    levels: z.object({ l1: LevelCounts, l2: LevelCounts, l3: LevelCounts, l4: LevelCounts }).strict(),
    tests: z.object({ passed: count, failed: count }).strict(),
    failure: z.object({ stage: z.string(), reason: z.string() }).strict().optional(),
    /** What discovery was unsure of, and what it assumed (when it was or did): never a silent guess. */
    openQuestions: z.array(z.string()).optional(),
    assumptions: z.array(z.string()).optional(),
    failedAtoms: z.array(FailedAtom),
    /** V1: the files that could not be written or that the end-of-run check pointed at. */
    failedFiles: z.array(FailedFile).optional(),
    blockedAtoms: z.array(z.string()),
  })
  .strict();
/** A run summary. */
export type RunSummary = z.infer<typeof RunSummary>;

/**
 * A parallel-mode request: both pipelines ran on the same DiscoveryDocument under one correlation
 * id. The top level is the serving pipeline's summary (its status is the request's); `v1` and `v2`
 * hold both side by side.
 */
export const ParallelSummary = RunSummary.omit({ mode: true })
  .extend({
    mode: z.literal('parallel'),
    correlationId: z.string(),
    serving: z.enum(['v1', 'v2']),
    v1: RunSummary,
    v2: RunSummary,
  })
  .strict();
/** A parallel summary. */
export type ParallelSummary = z.infer<typeof ParallelSummary>;
