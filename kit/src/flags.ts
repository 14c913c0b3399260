import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { FlagChanged, FlagName, Flags, MgeEvent } from '@mge/contracts';
import { createMessage, defaultFlags, FlagName as FlagNames, flagValues } from '@mge/contracts';
import { ValidationFailure } from './errors.js';
import { writeIfUnchanged } from './nats/kv.js';
import type { Bus } from './nats/runtime.js';

export const FLAGS_BUCKET = 'mge-flags';

/** Who changes a flag, and why: recorded with the change. */
export interface FlagChange {
  readonly by: string;
  readonly reason: string;
  readonly time: string;
}

/** The flags: current values in a NATS KV bucket, every change also an event (`FlagChanged`). */
export interface FlagStore {
  read(): Promise<Flags>;
  /** Sets one flag (the value is checked against the flag) and records the change; returns the event. */
  set<F extends FlagName>(flag: F, value: Flags[F], change: FlagChange): Promise<MgeEvent<'FlagChanged'>>;
}

const parseStored = (flag: FlagName, raw: string): Flags[FlagName] | undefined => {
  try {
    const parsed = flagValues[flag].safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

export async function openFlagStore(bus: Pick<Bus, 'nc' | 'store'>): Promise<FlagStore> {
  const kv: KV = await new Kvm(bus.nc).create(FLAGS_BUCKET, { history: 10 });

  const readOne = async (flag: FlagName) => {
    const entry = await kv.get(flag);
    const stored =
      entry === null || entry.operation !== 'PUT' ? undefined : parseStored(flag, entry.string());
    return { value: stored ?? defaultFlags[flag], revision: entry?.revision ?? 0 };
  };

  return {
    read: async () => {
      const flags = { ...defaultFlags };
      for (const flag of FlagNames.options) Object.assign(flags, { [flag]: (await readOne(flag)).value });
      return flags;
    },
    set: async (flag, value, change) => {
      const checked = flagValues[flag].safeParse(value);
      if (!checked.success)
        throw new ValidationFailure(`${flag}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
      const previous = await readOne(flag);
      // compare-and-set: a concurrent change makes this fail rather than be lost unrecorded
      const stored = JSON.stringify(checked.data);
      const revision = await writeIfUnchanged(kv, flag, stored, previous.revision, flag);
      const data: FlagChanged = {
        flag,
        value: checked.data,
        previous: previous.value,
        by: change.by,
        reason: change.reason,
      };
      const event = createMessage('FlagChanged', data, {
        source: 'mge/flags',
        time: change.time,
        key: [flag, revision],
      });
      await bus.store.append([event]);
      return event;
    },
  };
}
