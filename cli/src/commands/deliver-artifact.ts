import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '@mge/contracts';
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

/** A completed run's summary once its project is written to `dir`: `outDir` names the folder (empty when none was stored). */
export async function deliveredSummary(
  bus: Bus,
  summary: RunSummary | undefined,
  dir: string,
): Promise<RunSummary | undefined> {
  if (summary === undefined) return undefined;
  const written = await deliverArtifact(bus, summary.runId, dir);
  return { ...summary, outDir: written === undefined ? '' : dir };
}
