import type {
  RunProgress,
  RunSubmissionInput,
  RunSummary,
  StoredEvent,
  SubmissionAccepted,
} from '@mge/contracts';
import {
  ApiError,
  parseStructuredEvent,
  RunProgress as ProgressSchema,
  RunSummary as SummarySchema,
  SubmissionAccepted as AcceptedSchema,
} from '@mge/contracts';
import { unpackTarGz } from '@mge/kit';
import { z } from 'zod';
import type { FollowOptions, MgeClient, SubmitOptions } from './client.js';
import { MgeClientError, submissionOf } from './client.js';
import type { ServerSentEvent } from './sse.js';
import { readServerSentEvents } from './sse.js';

export interface HttpClientOptions {
  /** The gateway, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** `MGE_API_TOKEN` of the gateway, sent as a bearer token. */
  readonly token?: string;
  /** Reconnects of an event stream cut before the run's end (each resumes with `Last-Event-ID`). */
  readonly reconnects?: number;
}

const ErrorBody = z.object({ error: ApiError });
const RunState = z.object({ summary: SummarySchema.optional() }).loose();

/** The client over the gateway's HTTP API: the same interface as over NATS. */
export function httpClient(options: HttpClientOptions): MgeClient {
  const base = options.url.replace(/\/+$/, '');
  const auth: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };

  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        ...init,
        headers: { ...auth, ...(init.headers as Record<string, string>) },
      });
    } catch (error) {
      throw new MgeClientError({
        code: 'unavailable',
        message: `the gateway at ${base} did not answer: ${(error as Error).message}`,
      });
    }
    if (response.ok) return response;
    const text = await response.text();
    const parsed = (() => {
      try {
        return ErrorBody.safeParse(JSON.parse(text));
      } catch {
        return undefined;
      }
    })();
    throw new MgeClientError(
      parsed?.success === true
        ? parsed.data.error
        : {
            code: response.status >= 500 ? 'unavailable' : 'invalid',
            message: `HTTP ${response.status}: ${text.slice(0, 200)}`,
          },
    );
  };

  /** A stream of Server-Sent Events, reconnected with `Last-Event-ID` when cut before `done`. */
  async function* stream(
    path: string,
    afterId: string | undefined,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ServerSentEvent, void, boolean> {
    let lastId = afterId;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastId !== undefined) headers['last-event-id'] = lastId;
      const response = await call(path, { headers, ...(signal === undefined ? {} : { signal }) });
      try {
        for await (const sse of readServerSentEvents(response.body!)) {
          if (sse.id !== undefined) lastId = sse.id;
          const done = yield sse;
          if (done) return;
        }
      } catch (error) {
        if (signal?.aborted) return;
        if (attempt >= (options.reconnects ?? 5)) throw error;
        continue;
      }
      if (signal?.aborted || attempt >= (options.reconnects ?? 5)) return;
    }
  }

  const follow = (runId: string, followOptions: FollowOptions = {}): AsyncIterable<StoredEvent> => ({
    [Symbol.asyncIterator]: async function* () {
      const after = followOptions.afterSeq === undefined ? undefined : String(followOptions.afterSeq);
      const events = stream(`/runs/${encodeURIComponent(runId)}/events`, after, followOptions.signal);
      let next = await events.next(false);
      while (next.done !== true) {
        const parsed = parseStructuredEvent(JSON.parse(next.value.data));
        if (!parsed.ok)
          throw new MgeClientError({
            code: 'internal',
            message: `an event does not parse: ${parsed.issues.join('; ')}`,
          });
        yield parsed.event;
        next = await events.next(parsed.event.type === 'RunCompleted');
      }
    },
  });

  return {
    submit: async (
      request: string | RunSubmissionInput,
      submitOptions?: SubmitOptions,
    ): Promise<SubmissionAccepted> => {
      const response = await call('/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submissionOf(request, submitOptions)),
      });
      return z.object(AcceptedSchema.shape).parse(await response.json());
    },
    follow,
    progress: (runId, progressOptions = {}) => ({
      [Symbol.asyncIterator]: async function* (): AsyncGenerator<RunProgress> {
        const snapshots = stream(
          `/runs/${encodeURIComponent(runId)}/progress`,
          undefined,
          progressOptions.signal,
        );
        let seq = -1;
        let next = await snapshots.next(false);
        while (next.done !== true) {
          const snapshot = ProgressSchema.parse(JSON.parse(next.value.data));
          const newer = snapshot.seq > seq;
          if (newer) {
            seq = snapshot.seq;
            yield snapshot;
          }
          next = await snapshots.next(snapshot.status !== 'running');
        }
      },
    }),
    result: async (runId, resultOptions = {}): Promise<RunSummary> => {
      const state = RunState.parse(await (await call(`/runs/${encodeURIComponent(runId)}`)).json());
      if (state.summary !== undefined) return state.summary;
      for await (const event of follow(runId, resultOptions))
        if (event.type === 'RunCompleted') return event.data.summary;
      throw new MgeClientError({ code: 'unavailable', message: `stopped before run ${runId} completed` });
    },
    artifact: async (runId, dir) => {
      const response = await call(`/runs/${encodeURIComponent(runId)}/artifact`);
      return { dir, ...(await unpackTarGz(response.body!, dir)) };
    },
    close: async () => undefined,
  };
}
