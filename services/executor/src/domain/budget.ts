import type { RunView } from '@mge/run';
import { atomReservationUsd } from '@mge/contracts';

/**
 * What the run may still spend: its model work at list price (answers from the response cache or a
 * rerun's recordings count as if billed, so a rerun stops where its run did) plus what attempts in
 * flight have reserved.
 */
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
    canDispatch: () => cap === undefined || view.costUsd + reserved + perAttempt <= cap + 1e-12,
    reserve: () => {
      reserved += perAttempt;
    },
    describe: () =>
      `budget ${usd(cap ?? 0)} reached: spent ${usd(view.costUsd)}, the next attempt reserves ${usd(perAttempt)}`,
  };
}
