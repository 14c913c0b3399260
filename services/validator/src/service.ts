import { join } from 'node:path';
import type { Bus, Clock, Logger, Service } from '@mge/kit';
import { createService, systemClock } from '@mge/kit';
import { createChecker } from './adapters/tsc/index.js';
import type { SandboxNetworkMode } from './config.js';
import type { Checker } from './ports.js';
import { validatorSubscriptions } from './subscriptions.js';

export interface ValidatorServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly workDir: string;
  readonly checker?: Checker;
  readonly clock?: Clock;
  readonly concurrency?: number;
  readonly sandbox?: {
    readonly timeoutMs?: number;
    readonly memoryMb?: number;
    readonly network?: SandboxNetworkMode;
  };
}

export function createValidatorService(deps: ValidatorServiceDeps): Service {
  const checker =
    deps.checker ??
    createChecker({
      workRoot: deps.workDir,
      testTimeoutMs: deps.sandbox?.timeoutMs ?? 60_000,
      memoryMb: deps.sandbox?.memoryMb ?? 256,
      network: deps.sandbox?.network ?? 'auto',
    });
  const handlerDeps = {
    bus: deps.bus,
    checker,
    clock: deps.clock ?? systemClock,
    projectsDir: join(deps.workDir, 'projects'),
  };
  const logger = deps.logger.child({ service: 'validator' });
  return createService(
    'validator',
    deps.bus,
    logger,
    validatorSubscriptions(handlerDeps, deps.concurrency ?? 2),
  );
}
