import { z } from 'zod';
import { RunId } from './ids.js';
import { Pipeline } from './events/run.js';

const count = z.number().int().nonnegative();

/** Where a run is: the stage at work, or done. */
export const RunPhase = z.enum(['discovery', 'planning', 'atomizing', 'generating', 'validating', 'done']);
/** A run phase. */
export type RunPhase = z.infer<typeof RunPhase>;

/**
 * A compact snapshot of one run, published on `mge.progress.<runId>` at each phase change and at most
 * every 250 ms while atoms move; the last one per run is kept, so a late subscriber starts from it.
 * Every figure is folded from the run's events up to `seq`.
 */
export const RunProgress = z
  .object({
    runId: RunId,
    mode: Pipeline,
    /** The run's role when it is one of a parallel pair. */
    role: z.enum(['serving', 'shadow']).optional(),
    status: z.enum(['running', 'succeeded', 'failed']),
    phase: RunPhase,
    /** What `atoms` counts: atoms (V2) or files (V1). */
    unit: z.enum(['atoms', 'files']),
    waves: z.object({ done: count, total: count }).strict(),
    atoms: z.object({ total: count, passed: count, inFlight: count, failed: count, blocked: count }).strict(),
    retries: count,
    tokens: z.object({ input: count, output: count }).strict(),
    costUsd: z.number().nonnegative(),
    /** From the request to the last event folded, by the events' times. */
    elapsedMs: z.number().nonnegative(),
    /** The stream sequence of the last event folded: a subscriber drops a snapshot older than one it has. */
    seq: count,
    at: z.iso.datetime(),
  })
  .strict();
/** A progress snapshot. */
export type RunProgress = z.infer<typeof RunProgress>;
