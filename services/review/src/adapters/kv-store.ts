import { Kvm } from '@nats-io/kv';
import type { Bus } from '@mge/kit';
import { writeIfUnchanged } from '@mge/kit';
import type { ReviewEntry } from '../domain/queue.js';
import type { ReviewStore } from '../ports.js';

export const REVIEW_BUCKET = 'mge-review';

/** A KV key token for an id: characters KV keys do not allow are written `=hex`. */
const token = (id: string): string =>
  id.replace(/[^-_a-zA-Z0-9]/g, (c) => `=${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** The review queue in the KV bucket `mge-review`, one key per entry: `<runId>.<atomId>`. */
export async function openKvReviewStore(nc: Bus['nc']): Promise<ReviewStore> {
  const kv = await new Kvm(nc).create(REVIEW_BUCKET, { history: 5 });
  const revisions = new Map<string, number>(); // of the entries last read: written back with compare-and-set
  const keyOf = (entry: Pick<ReviewEntry, 'runId' | 'atomId'>) =>
    `${token(entry.runId)}.${token(entry.atomId)}`;
  const read = async (filter: string): Promise<ReviewEntry[]> => {
    const entries: ReviewEntry[] = [];
    for await (const key of await kv.keys(filter)) {
      const entry = await kv.get(key);
      if (entry === null || entry.operation !== 'PUT') continue;
      revisions.set(key, entry.revision);
      entries.push(entry.json<ReviewEntry>());
    }
    return entries;
  };
  return {
    entriesOf: async (runId) => new Map((await read(`${token(runId)}.*`)).map((e) => [e.atomId, e])),
    put: async (entries) => {
      for (const entry of entries) {
        const key = keyOf(entry);
        const revision = revisions.get(key);
        const value = JSON.stringify(entry);
        try {
          revisions.set(key, await writeIfUnchanged(kv, key, value, revision, `review entry ${key}`));
        } catch (error) {
          revisions.delete(key);
          throw error;
        }
      }
    },
    all: () => read('>'),
  };
}
