import { z } from 'zod';
import { Confidence } from '../events/review.js';
import { FlagName } from '../events/flags.js';
import { RunId } from '../ids.js';
import { RunProgress } from '../progress.js';
import { ApiError, SubmissionAccepted } from '../submission.js';
import { RunSummary } from '../summary.js';

/** Every error the gateway answers: `{ "error": { code, message, fields? } }`. */
export const ErrorBody = z.object({ error: ApiError }).strict();

/** A run's path parameter. */
export const RunParams = z.object({ id: RunId }).strict();

/** Where to follow an accepted run. */
export const RunLinks = z
  .object({
    self: z.string(),
    events: z.string(),
    progress: z.string(),
    ws: z.string(),
    artifact: z.string(),
  })
  .strict();

/** `POST /runs` → 202: the run started (or already started for the idempotency key), with its links. */
export const RunAccepted = SubmissionAccepted.extend({ links: RunLinks });
/** An accepted run. */
export type RunAccepted = z.infer<typeof RunAccepted>;

/** What the built project of a run is, when it is stored. */
export const ArtifactFacts = z
  .object({ size: z.number().int(), sha256: z.string(), files: z.number().int(), passed: z.boolean() })
  .strict();

/** `GET /runs/:id`: where the run is, its summary once it ended, and its stored project. */
export const RunState = z
  .object({
    runId: RunId,
    status: z.enum(['running', 'succeeded', 'failed']),
    request: z.string(),
    progress: RunProgress,
    summary: RunSummary.optional(),
    /** What discovery was unsure of and assumed, once it has read the request. */
    discovery: z
      .object({ openQuestions: z.array(z.string()), assumptions: z.array(z.string()) })
      .strict()
      .optional(),
    artifact: ArtifactFacts.optional(),
  })
  .strict();
/** A run's state. */
export type RunState = z.infer<typeof RunState>;

/** `GET /runs` query: a page of runs, newest first, after the `cursor` (a run id). */
export const RunListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: RunId.optional(),
  })
  .strict();

/** `GET /runs`: one page, and the cursor of the next when there is one. */
export const RunList = z
  .object({
    runs: z.array(
      z
        .object({
          runId: RunId,
          status: z.enum(['running', 'succeeded', 'failed']),
          mode: z.string(),
          request: z.string(),
          requestedAt: z.string().optional(),
        })
        .strict(),
    ),
    next: RunId.optional(),
  })
  .strict();

/** A flag's path parameter. */
export const FlagParams = z.object({ name: FlagName }).strict();
/** `GET /flags/:name`. */
export const FlagState = z.object({ name: FlagName, value: z.union([z.boolean(), z.number()]) }).strict();
/** `PUT /flags/:name` body (the value is checked against the flag). */
export const FlagUpdate = z
  .object({
    value: z.union([z.boolean(), z.number()]),
    reason: z.string().trim().min(1).max(500).optional(),
    by: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** A review queue entry. */
export const ReviewEntryBody = z
  .object({
    runId: RunId,
    atomId: z.string(),
    reason: z.string(),
    confidence: Confidence,
    status: z.string(),
    last: z
      .object({ action: z.string(), by: z.string(), note: z.string(), time: z.string() })
      .strict()
      .optional(),
  })
  .loose();

/** `GET /review` query. */
export const ReviewListQuery = z
  .object({ run: RunId.optional(), all: z.enum(['true', 'false']).optional() })
  .strict();
/** `GET /review`. */
export const ReviewList = z.object({ entries: z.array(ReviewEntryBody) }).strict();
/** A reviewed atom's path parameter, and the run when the atom id alone is ambiguous. */
export const ReviewParams = z.object({ atomId: z.string().min(1).max(300) }).strict();
export const ReviewQuery = z.object({ run: RunId.optional() }).strict();
/** What a reviewer says (`reason` for a rejection; `code` for an edit). */
export const ReviewAction = z
  .object({
    by: z.string().trim().min(1).max(200).optional(),
    note: z.string().max(2_000).optional(),
    reason: z.string().trim().min(1).max(2_000).optional(),
    code: z.string().min(1).max(100_000).optional(),
  })
  .strict();
/** `POST /review/:atomId/:action` → 202: what was recorded. */
export const ReviewRecorded = z
  .object({ runId: RunId, atomId: z.string(), action: z.string(), eventId: z.string() })
  .strict();

/** `GET /readyz`. */
export const Readiness = z
  .object({
    ready: z.boolean(),
    nats: z.boolean(),
    streams: z.array(z.string()),
    missing: z.array(z.string()),
  })
  .strict();
