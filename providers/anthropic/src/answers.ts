import type { RunId } from '@mge/contracts';
import { ModelReply } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';

/** The response cache's bucket: request hash → reply, shared by every run. */
export const MODEL_CACHE_BUCKET = 'mge-model-cache';

/** Replies by request hash: a run's recordings, or the response cache. */
export interface ReplyStore {
  get(hash: string): Promise<ModelReply | undefined>;
}

/** The response cache in a KV bucket; an entry that does not parse is a miss. */
export function responseCache(
  bus: Bus,
): ReplyStore & { put(hash: string, reply: ModelReply): Promise<void> } {
  let kv: Promise<KV> | undefined;
  const open = () => (kv ??= new Kvm(bus.nc).create(MODEL_CACHE_BUCKET, { history: 1 }));
  return {
    get: async (hash) => {
      const entry = await (await open()).get(hash);
      if (entry === null || entry.operation !== 'PUT') return undefined;
      const parsed = ModelReply.safeParse(safeJson(entry.string()));
      return parsed.success ? parsed.data : undefined;
    },
    put: async (hash, reply) => {
      await (await open()).put(hash, JSON.stringify(reply));
    },
  };
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The replies a run recorded, by request hash; read once per run and kept (a run's recordings never change once it completed). */
export function recordings(bus: Bus): (runId: RunId) => ReplyStore {
  const runs = new Map<RunId, Promise<Map<string, ModelReply>>>();
  const load = async (runId: RunId) => {
    const replies = new Map<string, ModelReply>();
    for (const event of (await bus.store.readRun(runId)).events)
      if (event.type === 'ModelCallRecorded') replies.set(event.data.requestHash, event.data.reply);
    return replies;
  };
  return (runId) => ({
    get: async (hash) => {
      let replies = runs.get(runId);
      if (replies === undefined) runs.set(runId, (replies = load(runId)));
      return (await replies).get(hash);
    },
  });
}
