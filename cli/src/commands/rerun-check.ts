import type { RunSummary, StoredEvent } from '@mge/contracts';

/** What differs from run to run whatever the answers: ids, places, timing, where answers came from. */
const INCIDENTAL = new Set(['runId', 'outDir', 'durationMs', 'modelCalls']);

/** The code of every generated atom attempt and file, as `atom#attempt sha256`, sorted. */
export const generatedCode = (events: readonly StoredEvent[]): string[] =>
  events
    .flatMap((e) =>
      e.type === 'AtomGenerated'
        ? [`${e.data.atomId}#${e.data.attempt} ${e.data.codeHash}`]
        : e.type === 'FileGenerated'
          ? [`${e.data.taskId} ${e.data.codeHash}`]
          : [],
    )
    .sort();

/** A run's outcome as a re-execution must reproduce it. */
export interface RunOutcome {
  readonly summary: RunSummary;
  readonly code: readonly string[];
}

/** How a re-execution differs from the run it re-executed: summary fields and generated code; empty when it reproduced it. */
export function differences(source: RunOutcome, rerun: RunOutcome): string[] {
  const found: string[] = [];
  const keys = new Set([...Object.keys(source.summary), ...Object.keys(rerun.summary)]);
  for (const key of [...keys].sort()) {
    if (INCIDENTAL.has(key)) continue;
    const [a, b] = [source.summary, rerun.summary].map((s) =>
      JSON.stringify((s as Record<string, unknown>)[key]),
    );
    if (a !== b) found.push(`summary.${key}: ${a} → ${b}`);
  }
  const theirs = new Set(rerun.code);
  const ours = new Set(source.code);
  for (const line of source.code) if (!theirs.has(line)) found.push(`code of ${line} not reproduced`);
  for (const line of rerun.code) if (!ours.has(line)) found.push(`code of ${line} is new`);
  return found;
}
