import type {
  ApiError,
  RunProgress,
  RunSubmissionInput,
  RunSummary,
  StoredEvent,
  SubmissionAccepted,
} from '@mge/contracts';

/** What `submit` takes besides the request: every option of a submission. */
export type SubmitOptions = Omit<RunSubmissionInput, 'request' | 'spec'> & {
  /** The CloudEvent source naming the submitter (default `mge/client`). */
  readonly source?: string;
};

/** Where following starts, and how to stop it. */
export interface FollowOptions {
  /** Events after this stream sequence only (resuming where a reader left off). */
  readonly afterSeq?: number;
  readonly signal?: AbortSignal;
}

/** What `artifact` wrote. */
export interface UnpackedArtifact {
  readonly dir: string;
  readonly files: number;
  readonly size: number;
  readonly sha256: string;
}

/**
 * MGE from a program: the same interface over NATS and over HTTP. `follow` and `progress` end with
 * the run's terminal event and status; `result` waits for the run to end.
 */
export interface MgeClient {
  /** Submits a request (plain language) or a DiscoveryDocument (`{ spec }`); answers the run started. */
  submit(request: string | RunSubmissionInput, options?: SubmitOptions): Promise<SubmissionAccepted>;
  /** The run's events in order, from its start (or after `afterSeq`) to its completion. */
  follow(runId: string, options?: FollowOptions): AsyncIterable<StoredEvent>;
  /** The run's progress snapshots: the latest first, then each new one, to the terminal status. */
  progress(runId: string, options?: Pick<FollowOptions, 'signal'>): AsyncIterable<RunProgress>;
  /** The run's summary once it has completed. */
  result(runId: string, options?: Pick<FollowOptions, 'signal'>): Promise<RunSummary>;
  /** Unpacks the run's built project into `dir`. */
  artifact(runId: string, dir: string): Promise<UnpackedArtifact>;
  close(): Promise<void>;
}

/** A refusal from MGE: the API error, with the fields it names. */
export class MgeClientError extends Error {
  constructor(readonly error: ApiError) {
    super(
      [error.message, ...(error.fields ?? []).map((f) => `${f.path || '(root)'}: ${f.message}`)].join('\n  '),
    );
    this.name = 'MgeClientError';
  }
}

/** A submission from `submit`'s arguments. */
export function submissionOf(
  request: string | RunSubmissionInput,
  options: SubmitOptions = {},
): RunSubmissionInput {
  const { source: _source, ...rest } = options;
  return typeof request === 'string' ? { request, ...rest } : { ...request, ...rest };
}
