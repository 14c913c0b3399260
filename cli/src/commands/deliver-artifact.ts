import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bus, Unpacked } from '@mge/kit';
import { openArtifactReader } from '@mge/kit';

/**
 * Writes a completed run's project from the object store into `dir` (an earlier project's `src` and
 * `dist` there are replaced); undefined when the run stored none.
 */
export async function deliverArtifact(bus: Bus, runId: string, dir: string): Promise<Unpacked | undefined> {
  const reader = await openArtifactReader(bus.nc);
  const found = await reader.read(runId);
  if (found === undefined) return undefined;
  await found.stream.cancel();
  await Promise.all(['src', 'dist'].map((d) => rm(join(dir, d), { recursive: true, force: true })));
  return reader.unpack(runId, dir);
}
