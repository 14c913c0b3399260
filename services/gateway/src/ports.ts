import type { MgeClient } from '@mge/client';
import type { Bus, Clock, FlagStore, Logger } from '@mge/kit';
import type { GatewaySettings } from './config.js';

/** What the gateway's routes need. */
export interface GatewayDeps {
  readonly bus: Bus;
  /** Submissions go to the intake, and progress is read, as any client of MGE does it. */
  readonly client: MgeClient;
  readonly flags: FlagStore;
  readonly settings: GatewaySettings;
  readonly clock: Clock;
  readonly logger: Logger;
}
