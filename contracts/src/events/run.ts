import { z } from 'zod';
import { DiscoveryDocument } from '../discovery.js';
import { RunId } from '../ids.js';
import { runScoped } from './common.js';
import { RunSummary } from '../summary.js';

/** The two pipelines: V2 (atoms, parallel, retried, four levels) and V1 (a file per call, in sequence, once, checked at the end). */
export const Pipeline = z.enum(['v2', 'v1']);
/** A pipeline. */
export type Pipeline = z.infer<typeof Pipeline>;

/** What a requester asks for: one pipeline, or both side by side (`parallel`). */
export const RunMode = z.enum(['v2', 'v1', 'parallel']);
/** A run mode. */
export type RunMode = z.infer<typeof RunMode>;

/**
 * A run of a parallel pair: both pipelines run on the same DiscoveryDocument under one correlation
 * id; the serving run answers the request, the shadow only measures. Discovery runs once, for the
 * serving run, and hands its document to the shadow.
 */
export const Pairing = z
  .object({ role: z.enum(['serving', 'shadow']), twin: RunId, correlationId: z.string().min(1) })
  .strict();
/** A pairing. */
export type Pairing = z.infer<typeof Pairing>;

/** Why the run's pipeline was chosen: the requester's override, the rollout, or V2 switched off. */
export const Assignment = z
  .object({
    /** The key that was hashed: a user or tenant key when given, else the run id. */
    key: z.string().min(1),
    reason: z.enum(['override', 'rollout', 'v2-disabled']),
    /** The V2 rollout percentage in force when the request was assigned. */
    rolloutPercent: z.number().min(0).max(100),
  })
  .strict();
/** An assignment. */
export type Assignment = z.infer<typeof Assignment>;

/** Which model adapter a run uses. */
export const ProviderName = z.enum(['offline', 'simulated', 'anthropic']);
/** A provider name. */
export type ProviderName = z.infer<typeof ProviderName>;

/** The `simulated` provider's fault and latency model for one run (every replica reads it from the run). */
export const SimulationSettings = z
  .object({
    /** Seeds every fault and latency draw. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    /** Chance that a first attempt of a 10-line atom at temperature 0.7 is faulty. */
    faultRate: z.number().min(0).max(1),
    /** Mean generation latency of a 10-line atom, in milliseconds. */
    latencyMs: z.number().min(0).max(60_000),
    /** Atoms whose every attempt is faulty (to exercise exhausted retries). */
    failing: z.array(z.string()).default([]),
  })
  .strict();
/** Simulation settings. */
export type SimulationSettings = z.infer<typeof SimulationSettings>;

/** Someone asked for a backend: the request (or a DiscoveryDocument) and how to run it. */
export const RunRequested = z
  .object({
    ...runScoped,
    request: z.string(),
    spec: DiscoveryDocument.optional(),
    /** The pipeline this run executes. */
    mode: Pipeline,
    pairing: Pairing.optional(),
    assignment: Assignment.optional(),
    provider: ProviderName,
    concurrency: z.number().int().min(1).max(1000),
    temperatures: z.array(z.number().min(0).max(1)).min(1).max(10),
    /**
     * The folder the requesting CLI writes the project to when the run completes (from the object
     * store); no service writes there. Submissions from the bus or HTTP have none.
     */
    outDir: z.string().min(1).optional(),
    /** Who submitted the run: the submission CloudEvent's source and id, and its idempotency key. */
    submission: z
      .object({
        source: z.string().min(1),
        id: z.string().min(1),
        idempotencyKey: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Dispatching stops before the reserved cost of the next attempt would pass this. */
    budgetUsd: z.number().positive().optional(),
    simulation: SimulationSettings.optional(),
    /** The Claude model (`anthropic` provider). */
    model: z.string().min(1).optional(),
    /** `max_tokens` of its stage calls (`anthropic`; atoms are capped lower), fixed so a rerun asks the same. */
    maxTokens: z.number().int().positive().optional(),
    /** Whether identical model calls may be answered from the response cache (`anthropic`; default yes). */
    cache: z.boolean().optional(),
    /** Stop before planning when discovery is unsure (its document has open questions). */
    strict: z.boolean().optional(),
    /** A re-execution of that run: every model call is answered from its recorded calls, none is made. */
    rerunOf: RunId.optional(),
  })
  .strict()
  .refine((r) => r.request.trim().length > 0 || r.spec !== undefined, {
    message: 'give a request or a spec',
    path: ['request'],
  });
/** Data of RunRequested. */
export type RunRequested = z.infer<typeof RunRequested>;

/** A stage could not go on (bad spec, planning cycle, …); the run ends failed right after. */
export const StageFailed = z
  .object({
    ...runScoped,
    stage: z.enum(['discovery', 'planner', 'atomizer', 'executor', 'validator']),
    code: z.string(),
    message: z.string(),
    details: z.array(z.string()),
  })
  .strict();
/** Data of StageFailed. */
export type StageFailed = z.infer<typeof StageFailed>;

/** A message about this run was rejected by a service and copied to the DLQ. */
export const MessageRejected = z
  .object({
    ...runScoped,
    service: z.string(),
    subject: z.string(),
    reason: z.string(),
    dlqSubject: z.string(),
  })
  .strict();
/** Data of MessageRejected. */
export type MessageRejected = z.infer<typeof MessageRejected>;

/** Someone asked for an interrupted run to go on: the scheduler re-reads it from the log and re-issues lost work. */
export const RunResumed = z.object({ ...runScoped, by: z.string() }).strict();
/** Data of RunResumed. */
export type RunResumed = z.infer<typeof RunResumed>;

/** The run ended; `summary` is what `mge run --json` prints and what `mge replay` must rebuild. */
export const RunCompleted = z.object({ ...runScoped, summary: RunSummary }).strict();
/** Data of RunCompleted. */
export type RunCompleted = z.infer<typeof RunCompleted>;
