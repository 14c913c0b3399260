import { z } from 'zod';
import { DiscoveryDocument } from './discovery.js';
import { RunId } from './ids.js';
import { Assignment, Pipeline, ProviderName, RunMode, SimulationSettings } from './events/run.js';

/** The CloudEvents `type` of a run submission on `mge.requests`. */
export const SUBMISSION_TYPE = 'mge.run.submit';

/** A user or tenant key (what the rollout hashes) and an idempotency key: 1–200 characters, no control characters. */
const Key = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\x00-\x1f\x7f]+$/, 'must not hold control characters');

/**
 * What a client asks for: a plain-language request or a DiscoveryDocument, and the options `mge run`
 * has. Everything else (the pipeline, defaults, where the project is built) is decided by the intake.
 */
export const RunSubmission = z
  .object({
    request: z.string().max(20_000, 'must be at most 20000 characters').optional(),
    spec: DiscoveryDocument.optional(),
    /** `v2`/`v1` override the rollout; `parallel` runs the other pipeline beside as a shadow. */
    mode: RunMode.optional(),
    provider: ProviderName.optional(),
    /** The key the rollout hashes (a user or a tenant); the run id when neither is given. */
    user: Key.optional(),
    tenant: Key.optional(),
    concurrency: z.number().int().min(1).max(1000).optional(),
    budgetUsd: z.number().positive().optional(),
    temperatures: z.array(z.number().min(0).max(1)).min(1).max(10).optional(),
    simulation: SimulationSettings.optional(),
    model: z.string().min(1).max(100).optional(),
    maxTokens: z.number().int().positive().max(200_000).optional(),
    cache: z.boolean().optional(),
    /** Stop before planning, failing the run with the open questions, when discovery is unsure. */
    strict: z.boolean().optional(),
    /** The same key again answers with the run it started, and starts nothing. */
    idempotencyKey: Key.optional(),
  })
  .strict()
  .refine((s) => (s.request ?? '').trim().length > 0 || s.spec !== undefined, {
    message: 'give a request (plain language) or a spec (a DiscoveryDocument)',
    path: ['request'],
  })
  .refine((s) => s.user === undefined || s.tenant === undefined, {
    message: 'give a user or a tenant, not both',
    path: ['tenant'],
  });
/** A run submission (the data of a `mge.run.submit` CloudEvent, and the body of `POST /runs`). */
export type RunSubmission = z.infer<typeof RunSubmission>;
/** A run submission as written by a client, before defaults. */
export type RunSubmissionInput = z.input<typeof RunSubmission>;

/**
 * A submission as a structured-mode CloudEvent (`application/cloudevents+json`); in binary mode the
 * same attributes travel as `ce-*` headers and the body is `data`.
 */
export const SubmissionCloudEvent = z
  .object({
    specversion: z.literal('1.0'),
    id: z.string().min(1).max(200),
    source: z.string().min(1).max(500),
    type: z.literal(SUBMISSION_TYPE),
    time: z.iso.datetime({ offset: true }).optional(),
    subject: z.string().optional(),
    datacontenttype: z.literal('application/json').optional(),
    data: z.unknown(),
  })
  .loose();
/** A structured submission CloudEvent. */
export type SubmissionCloudEvent = z.infer<typeof SubmissionCloudEvent>;

/** One field a submission got wrong: its path (`spec.entities.0.name`) and what is wrong. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() }).strict();
/** A field issue. */
export type FieldIssue = z.infer<typeof FieldIssue>;

/** Error codes of a refused submission or HTTP request. */
export const ApiErrorCode = z.enum([
  'invalid',
  'conflict',
  'unauthorized',
  'not-found',
  'too-large',
  'unavailable',
  'internal',
]);
/** An API error code. */
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** Why a submission or an HTTP request was refused; `fields` names what was wrong. */
export const ApiError = z
  .object({ code: ApiErrorCode, message: z.string(), fields: z.array(FieldIssue).optional() })
  .strict();
/** An API error. */
export type ApiError = z.infer<typeof ApiError>;

/** A run the intake started (or had started for the same idempotency key). */
export const SubmissionAccepted = z
  .object({
    runId: RunId,
    /** The pipeline of the serving run. */
    mode: Pipeline,
    /** The run that shadows it (parallel mode), under the same correlation id. */
    shadow: z.object({ runId: RunId, mode: Pipeline }).strict().optional(),
    correlationId: z.string().min(1),
    assignment: Assignment,
    /** `false` when the idempotency key had already started this run. */
    created: z.boolean(),
  })
  .strict();
/** An accepted submission. */
export type SubmissionAccepted = z.infer<typeof SubmissionAccepted>;

/** The intake's reply on `mge.requests`: the run it started, or the error. */
export const SubmissionReply = z.union([SubmissionAccepted, z.object({ error: ApiError }).strict()]);
/** A submission reply. */
export type SubmissionReply = z.infer<typeof SubmissionReply>;
