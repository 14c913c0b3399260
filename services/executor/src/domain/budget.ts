import type { RunView } from '@mge/contracts';
import { atomReservationUsd, spentUsd } from '@mge/contracts';

/** What the run may still spend: its recorded cost plus what attempts in flight have reserved. */
export interface Budget {
  /** Whether one more attempt can be dispatched without the reservations passing the cap. */
  canDispatch(): boolean;
  /** Reserves one attempt's worth. */
  reserve(): void;
  /** Why dispatching stopped, for the report. */
  describe(): string;
}

const usd = (n: number) => `$${n.toFixed(4)}`;

/** The run's budget as its events tell it; unlimited when the request set none. */
export function budgetOf(view: RunView): Budget {
  const cap = view.requested?.budgetUsd;
  const perAttempt = atomReservationUsd(view.requested?.provider ?? 'offline', view.requested?.model);
  let reserved = [...view.atoms.values()].filter((a) => a.status === 'dispatched').length * perAttempt;
  return {
    canDispatch: () => cap === undefined || spentUsd(view) + reserved + perAttempt <= cap + 1e-12,
    reserve: () => {
      reserved += perAttempt;
    },
    describe: () =>
      `budget ${usd(cap ?? 0)} reached: spent ${usd(spentUsd(view))}, the next attempt reserves ${usd(perAttempt)}`,
  };
}
