import type { z } from 'zod';
import { RunProgress } from '../progress.js';
import { RunSubmission } from '../submission.js';
import {
  FlagParams,
  FlagState,
  FlagUpdate,
  Readiness,
  ReviewAction,
  ReviewList,
  ReviewListQuery,
  ReviewParams,
  ReviewQuery,
  ReviewRecorded,
  ReviewEntryBody,
  RunAccepted,
  RunList,
  RunListQuery,
  RunParams,
  RunState,
} from './schemas.js';

/** One route of the gateway: what it takes and answers, from which the OpenAPI document is made. */
export interface HttpRoute {
  readonly method: 'get' | 'post' | 'put';
  /** OpenAPI style: `/runs/{id}`. */
  readonly path: string;
  readonly summary: string;
  /** Open without the bearer token (health routes). */
  readonly open?: boolean;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Headers the route reads besides the token. */
  readonly headers?: readonly { name: string; description: string }[];
  readonly ok: {
    readonly status: number;
    readonly description: string;
    readonly schema?: z.ZodType;
    /** `application/json` unless said. */
    readonly contentType?: string;
  };
  /** Error statuses it may answer (always `ErrorBody`). */
  readonly errors: readonly number[];
}

const sse = 'text/event-stream';

/** The gateway's routes. */
export const httpRoutes = {
  submitRun: {
    method: 'post',
    path: '/runs',
    summary: 'Submit a run: the same RunSubmission as on mge.requests, so {"request": "…"} is complete',
    body: RunSubmission,
    headers: [
      { name: 'Idempotency-Key', description: 'the same key again answers the same run and starts nothing' },
    ],
    ok: {
      status: 202,
      description: 'the run started, or had started for this idempotency key',
      schema: RunAccepted,
    },
    errors: [400, 401, 409, 413, 503],
  },
  listRuns: {
    method: 'get',
    path: '/runs',
    summary: 'Runs in the event log, newest first, a page at a time',
    query: RunListQuery,
    ok: { status: 200, description: 'a page of runs', schema: RunList },
    errors: [400, 401],
  },
  getRun: {
    method: 'get',
    path: '/runs/{id}',
    summary: "A run's status, last progress, summary once ended and stored project",
    params: RunParams,
    ok: { status: 200, description: 'the run', schema: RunState },
    errors: [400, 401, 404],
  },
  runEvents: {
    method: 'get',
    path: '/runs/{id}/events',
    summary:
      "Server-Sent Events of the run's events in order (id: the stream sequence; event: the type; data: the CloudEvent), resumable with Last-Event-ID, closed after RunCompleted",
    params: RunParams,
    headers: [{ name: 'Last-Event-ID', description: 'continue strictly after this sequence' }],
    ok: { status: 200, description: 'the event stream', contentType: sse },
    errors: [400, 401, 404],
  },
  runProgress: {
    method: 'get',
    path: '/runs/{id}/progress',
    summary:
      "Server-Sent Events of the run's RunProgress snapshots, the latest first, closed after the terminal one",
    params: RunParams,
    ok: { status: 200, description: 'the progress stream', schema: RunProgress, contentType: sse },
    errors: [400, 401, 404],
  },
  runSocket: {
    method: 'get',
    path: '/runs/{id}/ws',
    summary:
      'WebSocket: the run\'s events and progress as JSON frames {"kind":"event","seq","event"} / {"kind":"progress","progress"}',
    params: RunParams,
    ok: { status: 101, description: 'switching to the WebSocket protocol' },
    errors: [400, 401, 404],
  },
  runArtifact: {
    method: 'get',
    path: '/runs/{id}/artifact',
    summary: "The run's built project as a .tar.gz, from the object store",
    params: RunParams,
    ok: { status: 200, description: 'the archive', contentType: 'application/gzip' },
    errors: [400, 401, 404],
  },
  getFlag: {
    method: 'get',
    path: '/flags/{name}',
    summary: "A flag's value",
    params: FlagParams,
    ok: { status: 200, description: 'the flag', schema: FlagState },
    errors: [400, 401],
  },
  setFlag: {
    method: 'put',
    path: '/flags/{name}',
    summary: 'Sets a flag (recorded as FlagChanged with who and why)',
    params: FlagParams,
    body: FlagUpdate,
    ok: { status: 200, description: 'the flag as set', schema: FlagState },
    errors: [400, 401, 413],
  },
  listReview: {
    method: 'get',
    path: '/review',
    summary: 'The review queue: failed and least sure atoms (every status with all=true), least sure first',
    query: ReviewListQuery,
    ok: { status: 200, description: 'the queue', schema: ReviewList },
    errors: [400, 401],
  },
  showReview: {
    method: 'get',
    path: '/review/{atomId}',
    summary: 'A queued atom: its entry, confidence, code and latest errors',
    params: ReviewParams,
    query: ReviewQuery,
    ok: { status: 200, description: 'the entry', schema: ReviewEntryBody },
    errors: [400, 401, 404],
  },
  reviewAtom: {
    method: 'post',
    path: '/review/{atomId}/{action}',
    summary:
      "approve, reject (reason), edit (code: reopens the run with the reviewer's code) or regenerate (reopens it with the note fed back)",
    params: ReviewParams,
    query: ReviewQuery,
    body: ReviewAction,
    ok: { status: 202, description: 'recorded', schema: ReviewRecorded },
    errors: [400, 401, 404, 409, 413],
  },
  healthz: {
    method: 'get',
    path: '/healthz',
    summary: 'The process is up',
    open: true,
    ok: { status: 200, description: 'up' },
    errors: [],
  },
  readyz: {
    method: 'get',
    path: '/readyz',
    summary: 'NATS is connected and the streams exist',
    open: true,
    ok: { status: 200, description: 'ready', schema: Readiness },
    errors: [503],
  },
  openapi: {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    ok: { status: 200, description: 'OpenAPI 3.1' },
    errors: [401],
  },
} as const satisfies Record<string, HttpRoute>;

/** A route's path as Fastify writes it (`/runs/:id`). */
export const fastifyPath = (route: HttpRoute): string => route.path.replace(/\{(\w+)\}/g, ':$1');
