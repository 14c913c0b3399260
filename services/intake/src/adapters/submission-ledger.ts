import { createHash } from 'node:crypto';
import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { Assignment, buckets, Pipeline, RunId } from '@mge/contracts';
import { z } from 'zod';

/** What a remembered submission started. */
export const SubmissionRecord = z
  .object({
    runId: RunId,
    shadowId: RunId.optional(),
    serving: Pipeline,
    shadow: Pipeline.optional(),
    assignment: Assignment,
    /** sha256 of the canonical submission: the same key with another request is a conflict. */
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.string(),
  })
  .strict();
export type SubmissionRecord = z.infer<typeof SubmissionRecord>;

/** Submissions remembered by key for a while (KV with a bucket-wide TTL). */
export interface SubmissionLedger {
  find(key: string): Promise<SubmissionRecord | undefined>;
  /** Remembers `record` under `key` unless a record is there already; returns the one that stands. */
  claim(key: string, record: SubmissionRecord): Promise<{ record: SubmissionRecord; created: boolean }>;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** KV keys allow few characters: the ledger stores a key's hash. */
const kvKey = (key: string): string => sha256(key);

export async function openSubmissionLedger(nc: NatsConnection, ttlMs: number): Promise<SubmissionLedger> {
  const kv: KV = await new Kvm(nc).create(buckets.submissions, { history: 1, ttl: ttlMs });
  const find = async (key: string): Promise<SubmissionRecord | undefined> => {
    const entry = await kv.get(kvKey(key));
    if (entry === null || entry.operation !== 'PUT') return undefined;
    const parsed = SubmissionRecord.safeParse(entry.json());
    return parsed.success ? parsed.data : undefined;
  };
  return {
    find,
    claim: async (key, record) => {
      try {
        await kv.create(kvKey(key), JSON.stringify(record));
        return { record, created: true };
      } catch (error) {
        const existing = await find(key);
        if (existing === undefined) throw error;
        return { record: existing, created: false };
      }
    },
  };
}
