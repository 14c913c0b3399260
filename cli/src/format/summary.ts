import type { RunSummary } from '@mge/contracts';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const costLabel = (s: RunSummary): string =>
  s.costBasis === 'free'
    ? `${s.provider}, free`
    : `${s.costBasis}${s.budgetUsd === undefined ? '' : `, budget $${s.budgetUsd.toFixed(2)}`}`;

/** The summary for people: outcome, where the project is, the figures, and what failed and why. */
export function formatSummary(s: RunSummary): string {
  const lines = [
    `run ${s.runId} ${s.status}${s.failure === undefined ? '' : ` (${s.failure.stage}: ${s.failure.reason})`}`,
    `  output      ${s.outDir}`,
    `  plan        ${s.milestones} milestones, ${s.tasks} tasks, ${s.atoms} atoms in ${s.waves} waves`,
    `  attempts    ${s.attempts} (${s.retries} retries)`,
    `  precision   ${pct(s.precision)} (first pass ${pct(s.firstPassPrecision)})`,
    `  levels      L1 ${s.levels.l1.passed}✓ ${s.levels.l1.failed}✗ · L2 ${s.levels.l2.passed}✓ ${s.levels.l2.failed}✗ · L3 ${s.levels.l3.passed}✓ ${s.levels.l3.failed}✗ · L4 ${s.levels.l4.passed}✓ ${s.levels.l4.failed}✗`,
    `  tests       ${s.tests.passed} passed, ${s.tests.failed} failed`,
    `  tokens      ${s.tokens.total} (${s.tokens.input} in, ${s.tokens.output} out) · cost $${s.costUsd.toFixed(4)} (${costLabel(s)})`,
    `  duration    ${(s.durationMs / 1000).toFixed(1)} s`,
  ];
  const rejected = Object.entries(s.failures.byClass).filter(([, n]) => n > 0);
  if (rejected.length > 0) {
    const levels = Object.entries(s.failures.byLevel).filter(([, n]) => n > 0);
    lines.push(
      `  rejections  ${rejected.map(([c, n]) => `${c} ${n}`).join(', ')} (${levels.map(([l, n]) => `${l.toUpperCase()} ${n}`).join(', ') || 'at generation'})`,
      `  per atom    ${Object.entries(s.attemptsHistogram)
        .map(([attempts, atoms]) => `${atoms} in ${attempts} attempt${attempts === '1' ? '' : 's'}`)
        .join(', ')}`,
    );
  }
  for (const failed of s.failedAtoms) {
    lines.push(
      `  failed      ${failed.atomId} after ${failed.attempts} attempts (needs review): ${failed.reason}`,
    );
    for (const error of failed.errors.slice(1, 3)) lines.push(`              also: ${error.message}`);
    if (failed.blocked.length > 0)
      lines.push(
        `              blocked ${failed.blocked.length}: ${failed.blocked.slice(0, 8).join(', ')}${failed.blocked.length > 8 ? ', …' : ''}`,
      );
  }
  if (s.status === 'succeeded')
    lines.push(
      '',
      `  start it:   cd ${s.outDir} && node dist/main.js`,
      `  test it:    cd ${s.outDir} && node --test dist`,
    );
  return lines.join('\n');
}
