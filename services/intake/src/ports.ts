import type { Bus, Clock, FlagStore, Logger } from '@mge/kit';
import type { SubmissionLedger } from './adapters/submission-ledger.js';
import type { IntakeDefaults } from './domain/plan-runs.js';

/** What the intake's handlers need. */
export interface IntakeDeps {
  readonly bus: Bus;
  readonly ledger: SubmissionLedger;
  readonly flags: FlagStore;
  readonly defaults: IntakeDefaults;
  /** `MGE_V2_ENABLED` of this process: `false` serves every submission with V1. */
  readonly v2EnabledEnv: boolean;
  readonly clock: Clock;
  readonly newRunId: () => string;
  readonly logger: Logger;
}
