import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import { DiscardPolicy, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { streams, subjects } from '@mge/contracts';
import { InfrastructureError } from '../errors.js';

const DUPLICATE_WINDOW = nanos(2 * 60_000);

/** The three streams of ARCHITECTURE: the append-only event log, the work queue and the dead-letter queue. */
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
