import type { Progress } from '@mge/run';

/** Cost so far, with the model calls behind it when they are recorded. */
const costOf = (p: Progress): string =>
  `$${p.costUsd.toFixed(4)}${p.calls === undefined ? '' : ` (${p.calls.requests} API call${p.calls.requests === 1 ? '' : 's'}, ${p.calls.reused} reused)`}`;

/** One plain line of progress. */
export function progressLine(p: Progress, elapsedMs: number): string {
  const time = `[${(elapsedMs / 1000).toFixed(1)}s]${p.label === undefined ? '' : ` ${p.label}`}`;
  if (p.atoms === 0) return `${time} ${p.phase}${p.calls === undefined ? '' : `; ${costOf(p)}`}`;
  if (p.unit === 'files')
    return `${time} ${p.phase}: ${p.passed}/${p.atoms} files written, ${p.failed} failed; ${costOf(p)}`;
  return (
    `${time} ${p.phase}: ${p.passed}/${p.atoms} atoms passed, wave ${p.wave}/${p.waves}, ${p.inFlight} in flight, ` +
    `${p.failed} failed, ${p.retries} retries; L2 ${p.tasks} tasks, L3 ${p.milestones} milestones; ${costOf(p)}`
  );
}
