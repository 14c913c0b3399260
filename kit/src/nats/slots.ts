/** Counts handlers in flight and lets the pull loop wait for a free one. */
export function createSlots(capacity: number) {
  let used = 0;
  let waiters: (() => void)[] = [];
  const wakeAll = () => {
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };
  return {
    free: () => capacity - used,
    take: () => {
      used++;
    },
    release: () => {
      used--;
      wakeAll();
    },
    wake: wakeAll,
    waitForFree: (): Promise<void> =>
      used < capacity ? Promise.resolve() : new Promise((r) => waiters.push(r)),
    drained: async (): Promise<void> => {
      while (used > 0) await new Promise<void>((r) => waiters.push(r));
    },
  };
}
