import { rm } from 'node:fs/promises';
import type { Envelope, MgeEvent } from '@mge/contracts';
import { buckets, createMessage } from '@mge/contracts';
import type { ValidatorDeps } from '../ports.js';

/** What the project's whole check found, and the work it answers. */
export interface CheckedProject {
  readonly runId: string;
  readonly dir: string;
  readonly passed: boolean;
  readonly revision: string | undefined;
  readonly cause: Pick<Envelope, 'id' | 'correlationId'>;
}

/**
 * Stores the built project in the object store and returns its ArtifactStored event (to be recorded
 * before the check's own event, so the run completes only after its project is kept); the build
 * folder is removed.
 */
export async function storeProject(
  deps: ValidatorDeps,
  project: CheckedProject,
): Promise<MgeEvent<'ArtifactStored'>> {
  const stored = await deps.artifacts.put(project.runId, project.dir);
  await rm(project.dir, { recursive: true, force: true });
  return createMessage(
    'ArtifactStored',
    {
      runId: project.runId,
      bucket: buckets.artifacts,
      key: project.runId,
      ...stored,
      passed: project.passed,
      ...(project.revision === undefined ? {} : { revision: project.revision }),
    },
    { source: 'mge/validator', time: deps.clock(), cause: project.cause, key: [project.revision ?? 'v1'] },
  );
}
