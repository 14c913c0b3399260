import { Kvm } from '@nats-io/kv';
import type { Bus } from '@mge/kit';
import { writeIfUnchanged } from '@mge/kit';
import { z } from 'zod';
import { emptyWindow } from '../domain/window.js';
import type { WindowStore } from '../ports.js';

const Stored = z.object({
  outcomes: z.array(z.object({ runId: z.string(), pipeline: z.enum(['v1', 'v2']), succeeded: z.boolean() })),
});

const KEY = 'window';

/** The window as one JSON value in the `mge-rollout` KV bucket; a value that does not parse starts a fresh window. */
export async function openKvWindowStore(nc: Bus['nc']): Promise<WindowStore> {
  const kv = await new Kvm(nc).create('mge-rollout', { history: 1 });
  return {
    load: async () => {
      const entry = await kv.get(KEY);
      if (entry === null || entry.operation !== 'PUT')
        return { window: emptyWindow, revision: entry?.revision ?? 0 };
      const parsed = Stored.safeParse(entry.json());
      return {
        window: parsed.success ? parsed.data : emptyWindow,
        revision: entry.revision,
      };
    },
    save: async (window, revision) => {
      await writeIfUnchanged(kv, KEY, JSON.stringify(window), revision, 'the rollout window');
    },
  };
}
