import type { RunId } from '@mge/contracts';
import { ModelReply } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';

/** The response cache's bucket: request hash → reply, shared by every run. */
export const MODEL_CACHE_BUCKET = 'mge-model-cache';
/** The replies each run paid for: `<runId>.<request hash>` → reply, kept a week. */
export const MODEL_CALLS_BUCKET = 'mge-model-calls';
const WEEK_MS = 7 * 24 * 3_600_000;

/** Replies by key in a KV bucket. */
export interface ReplyStore {
  get(key: string): Promise<ModelReply | undefined>;
  put(key: string, reply: ModelReply): Promise<void>;
}

/** Replies in a KV bucket, opened on first use (again after a failed open); an entry that does not parse is a miss. */
function kvReplies(bus: Bus, bucket: string, ttl?: number): ReplyStore {
  let kv: Promise<KV> | undefined;
  const open = (): Promise<KV> =>
    (kv ??= new Kvm(bus.nc)
      .create(bucket, { history: 1, ...(ttl === undefined ? {} : { ttl }) })
      .catch((error) => {
        kv = undefined;
        throw error;
      }));
  return {
    get: async (key) => {
      const entry = await (await open()).get(key);
      if (entry === null || entry.operation !== 'PUT') return undefined;
      const parsed = ModelReply.safeParse(safeJson(entry.string()));
      return parsed.success ? parsed.data : undefined;
    },
    put: async (key, reply) => {
      await (await open()).put(key, JSON.stringify(reply));
    },
  };
}

/** The response cache: replies by request hash, for any run that uses the cache. */
export const responseCache = (bus: Bus): ReplyStore => kvReplies(bus, MODEL_CACHE_BUCKET);

/**
 * What each run already paid for, by run and request hash: a redelivered message asks again and gets
 * the same answer, neither billed twice nor different from the one the run went on with.
 */
export function paidCalls(bus: Bus) {
  const store = kvReplies(bus, MODEL_CALLS_BUCKET, WEEK_MS);
  return {
    get: (runId: RunId, hash: string) => store.get(`${runId}.${hash}`),
    put: (runId: RunId, hash: string, reply: ModelReply) => store.put(`${runId}.${hash}`, reply),
  };
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Runs whose recordings a process keeps at most (a rerun reads one run's). */
const KEPT_RUNS = 16;

/** The replies a run recorded, by request hash; read once per run and kept (a completed run's recordings do not change). */
export function recordings(bus: Bus): (runId: RunId, hash: string) => Promise<ModelReply | undefined> {
  const runs = new Map<RunId, Promise<Map<string, ModelReply>>>();
  const load = async (runId: RunId) => {
    const replies = new Map<string, ModelReply>();
    for (const event of (await bus.store.readRun(runId)).events)
      if (event.type === 'ModelCallRecorded') replies.set(event.data.requestHash, event.data.reply);
    return replies;
  };
  return async (runId, hash) => {
    let replies = runs.get(runId);
    if (replies === undefined) {
      replies = load(runId);
      runs.set(runId, replies);
      replies.catch(() => runs.delete(runId)); // a failed read is tried again by the next call
      if (runs.size > KEPT_RUNS) runs.delete(runs.keys().next().value!);
    }
    return (await replies).get(hash);
  };
}
