import { join } from 'node:path';
import type { Bus, Clock, Logger, Service } from '@mge/kit';
import type { ArtifactStore } from '@mge/kit';
import { createService, openArtifactStore, systemClock } from '@mge/kit';
import { createChecker } from './adapters/tsc/index.js';
import type { SandboxNetworkMode } from './config.js';
import type { Checker, ProjectArchive } from './ports.js';
import { validatorSubscriptions } from './subscriptions.js';

export interface ValidatorServiceDeps {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly workDir: string;
  readonly checker?: Checker;
  readonly clock?: Clock;
  readonly concurrency?: number;
  /** Days a built project stays in the object store (0: until deleted; default 30). */
  readonly artifactTtlDays?: number;
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
    artifacts: lazyArtifactStore(deps.bus, deps.artifactTtlDays ?? 30),
  };
  const logger = deps.logger.child({ service: 'validator' });
  return createService(
    'validator',
    deps.bus,
    logger,
    validatorSubscriptions(handlerDeps, deps.concurrency ?? 2),
  );
}

/** The object store, opened on the first project stored (and again after a failed open). */
function lazyArtifactStore(bus: Bus, ttlDays: number): ProjectArchive {
  let opening: Promise<ArtifactStore> | undefined;
  return {
    put: async (runId, dir) => {
      opening ??= openArtifactStore(bus.nc, { ttlMs: ttlDays * 86_400_000 }).catch((error: unknown) => {
        opening = undefined;
        throw error;
      });
      return (await opening).put(runId, dir);
    },
  };
}
