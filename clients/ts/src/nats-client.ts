import type { JetStreamManager } from '@nats-io/jetstream';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { errors as natsErrors } from '@nats-io/transport-node';
import type { RunProgress, RunSubmissionInput, StoredEvent, SubmissionAccepted } from '@mge/contracts';
import {
  RunProgress as ProgressSchema,
  streams,
  SUBMISSION_TYPE,
  SubmissionReply,
  subjects,
} from '@mge/contracts';
import type { NatsTarget } from '@mge/kit';
import { connectNats, createEventStore, isStoredEvent, openArtifactReader } from '@mge/kit';
import { ulid } from 'ulid';
import type { FollowOptions, MgeClient, SubmitOptions, UnpackedArtifact } from './client.js';
import { MgeClientError, submissionOf } from './client.js';

export interface NatsClientOptions {
  /** How long a submission waits for the intake's answer (default 10 s). */
  readonly timeoutMs?: number;
}

/** The client over an open NATS connection (closing the client leaves the connection open). */
export function natsClient(nc: NatsConnection, options: NatsClientOptions = {}): MgeClient {
  return createNatsClient(nc, options, async () => undefined);
}

/** Connects to NATS (a URL, with credentials in it or in `target.auth`) and returns the client; `close` closes the connection. */
export async function connectNatsClient(
  server: string | NatsTarget,
  options: NatsClientOptions = {},
): Promise<MgeClient> {
  const nc = await connectNats(server, 'mge-client');
  return createNatsClient(nc, options, () => nc.drain());
}

function createNatsClient(
  nc: NatsConnection,
  options: NatsClientOptions,
  close: () => Promise<void>,
): MgeClient {
  const js = jetstream(nc);
  let manager: Promise<JetStreamManager> | undefined;
  const jsm = () => (manager ??= jetstreamManager(nc));
  const store = async () => createEventStore(nc, js, await jsm());

  const follow = (runId: string, followOptions: FollowOptions = {}): AsyncIterable<StoredEvent> => ({
    [Symbol.asyncIterator]: async function* () {
      const events = (await store()).followRun(runId, {
        fromSeq: (followOptions.afterSeq ?? 0) + 1,
        ...(followOptions.signal === undefined ? {} : { signal: followOptions.signal }),
      });
      for await (const item of events) {
        if (!isStoredEvent(item)) continue;
        yield item;
        if (item.type === 'RunCompleted') return;
      }
    },
  });

  return {
    submit: (request, submitOptions) =>
      submit(nc, submissionOf(request, submitOptions), submitOptions, options),
    follow,
    progress: (runId, progressOptions = {}) => followProgress(nc, jsm, runId, progressOptions.signal),
    result: async (runId, resultOptions = {}) => {
      for await (const event of follow(runId, resultOptions))
        if (event.type === 'RunCompleted') return event.data.summary;
      throw new MgeClientError({ code: 'unavailable', message: `stopped before run ${runId} completed` });
    },
    artifact: (runId, dir) => unpackArtifact(nc, runId, dir),
    close,
  };
}

async function submit(
  nc: NatsConnection,
  data: RunSubmissionInput,
  submitOptions: SubmitOptions | undefined,
  options: NatsClientOptions,
): Promise<SubmissionAccepted> {
  const event = {
    specversion: '1.0',
    id: ulid(),
    source: submitOptions?.source ?? 'mge/client',
    type: SUBMISSION_TYPE,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  };
  let answer: string;
  try {
    const msg = await nc.request(subjects.requests, JSON.stringify(event), {
      timeout: options.timeoutMs ?? 10_000,
    });
    answer = msg.string();
  } catch (error) {
    const absent = error instanceof natsErrors.NoRespondersError;
    throw new MgeClientError({
      code: 'unavailable',
      message: absent
        ? `no intake answers on ${subjects.requests}: start MGE's services (mge serve)`
        : `the intake did not answer: ${(error as Error).message}`,
    });
  }
  const reply = parseReply(answer);
  if ('error' in reply) throw new MgeClientError(reply.error);
  return reply;
}

function parseReply(text: string): SubmissionReply {
  try {
    const parsed = SubmissionReply.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // answered below
  }
  return {
    error: {
      code: 'internal',
      message: `the intake's answer is not a submission reply: ${text.slice(0, 200)}`,
    },
  };
}

/** The latest snapshot kept in PROGRESS, then each newer one published, to the terminal status. */
function followProgress(
  nc: NatsConnection,
  jsm: () => Promise<JetStreamManager>,
  runId: string,
  signal: AbortSignal | undefined,
): AsyncIterable<RunProgress> {
  return {
    [Symbol.asyncIterator]: async function* () {
      const subject = subjects.progress(runId);
      const live = nc.subscribe(subject); // before reading the kept one, so nothing falls between
      const stop = () => live.unsubscribe();
      signal?.addEventListener('abort', stop, { once: true });
      try {
        let seq = -1;
        const kept = await (
          await jsm()
        ).streams
          .getMessage(streams.progress, { last_by_subj: subject })
          .catch(() => null);
        const first = kept === null || kept === undefined ? undefined : parseProgress(kept.string());
        if (first !== undefined) {
          yield first;
          if (first.status !== 'running') return;
          seq = first.seq;
        }
        for await (const msg of live) {
          const snapshot = parseProgress(msg.string());
          if (snapshot === undefined || snapshot.seq <= seq) continue;
          seq = snapshot.seq;
          yield snapshot;
          if (snapshot.status !== 'running') return;
        }
      } finally {
        signal?.removeEventListener('abort', stop);
        live.unsubscribe();
      }
    },
  };
}

function parseProgress(text: string): RunProgress | undefined {
  try {
    const parsed = ProgressSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function unpackArtifact(nc: NatsConnection, runId: string, dir: string): Promise<UnpackedArtifact> {
  const unpacked = await (await openArtifactReader(nc)).unpack(runId, dir);
  if (unpacked === undefined)
    throw new MgeClientError({ code: 'not-found', message: `run ${runId} has no stored project (yet)` });
  return { dir, ...unpacked };
}
