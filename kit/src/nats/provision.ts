import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import { DiscardPolicy, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { streams, subjects } from '@mge/contracts';
import { InfrastructureError } from '../errors.js';

const DUPLICATE_WINDOW = nanos(2 * 60_000);

/** The streams of ARCHITECTURE: the append-only event log, the work queue, the dead-letter queue, and the last progress of each run. */
export const streamConfigs: readonly (Partial<StreamConfig> & { name: string })[] = [
  {
    name: streams.events,
    subjects: [subjects.allEvents],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.New,
    deny_delete: true,
    deny_purge: true,
    duplicate_window: DUPLICATE_WINDOW,
    max_msg_size: 4 * 1024 * 1024,
  },
  {
    name: streams.work,
    subjects: [subjects.allWork],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    duplicate_window: DUPLICATE_WINDOW,
  },
  {
    // The last RunProgress of every run, for a subscriber who joins late.
    name: streams.progress,
    subjects: [subjects.allProgress],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_msgs_per_subject: 1,
    max_age: nanos(7 * 24 * 3_600_000),
  },
  {
    name: streams.dlq,
    subjects: [subjects.allDlq],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    duplicate_window: DUPLICATE_WINDOW,
  },
];

const CHECKED = [
  'subjects',
  'retention',
  'storage',
  'discard',
  'deny_delete',
  'deny_purge',
  'duplicate_window',
  'max_msgs_per_subject',
] as const;

/** Creates or updates the streams, then checks that the server really holds each declared field. */
export async function provisionStreams(jsm: JetStreamManager): Promise<void> {
  for (const config of streamConfigs) {
    const name = config.name;
    const existing = await jsm.streams.info(name).catch(() => undefined);
    const info =
      existing === undefined ? await jsm.streams.add(config) : await jsm.streams.update(name, config);
    const actual = info.config as unknown as Record<string, unknown>;
    const wanted = config as Record<string, unknown>;
    const drift = CHECKED.filter(
      (key) => key in wanted && JSON.stringify(actual[key]) !== JSON.stringify(wanted[key]),
    );
    if (drift.length > 0) {
      const detail = drift.map(
        (key) => `${key}: wanted ${JSON.stringify(wanted[key])}, server has ${JSON.stringify(actual[key])}`,
      );
      throw new InfrastructureError(
        `stream ${name} does not hold its declared config (${detail.join('; ')})`,
        { retryable: false },
      );
    }
  }
}
