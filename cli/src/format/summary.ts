import type { ParallelSummary, RunSummary } from '@mge/contracts';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const cacheTokens = (s: RunSummary): string =>
  s.tokens.cacheWrite === undefined
    ? ''
    : `, ${s.tokens.cacheWrite} cache write, ${s.tokens.cacheRead ?? 0} cache read`;

/** Where the model's answers came from and what the API billed, for runs that record their calls. */
const modelCallsLine = (s: RunSummary): string[] => {
  const m = s.modelCalls;
  if (m === undefined) return [];
  const dearest = Object.entries(s.costByTask ?? {}).slice(0, 3);
  return [
    ...(dearest.length === 0
      ? []
      : [`  dearest     ${dearest.map(([task, usd]) => `${task} $${usd.toFixed(4)}`).join(', ')}`]),
    `  model       ${m.calls} calls: ${m.requests} to the API, ${m.cacheHits} from the cache, ${m.replayed} replayed · billed $${m.billedUsd.toFixed(4)}, saved $${m.savedUsd.toFixed(4)}`,
  ];
};

/** What the cost figure is: free, simulated, billed, or (when cache or recordings answered) the list price. */
const costLabel = (s: RunSummary): string => {
  if (s.costBasis === 'free') return `${s.provider}, free`;
  const basis = (s.modelCalls?.savedUsd ?? 0) > 0 ? 'list price' : s.costBasis;
  const model = s.model === undefined ? '' : `${s.model}, `;
  return `${model}${basis}${s.budgetUsd === undefined ? '' : `, budget $${s.budgetUsd.toFixed(2)}`}`;
};

const isPair = (s: RunSummary | ParallelSummary): s is ParallelSummary => s.mode === 'parallel';

/** The summary for people: outcome, where the project is, the figures, and what failed and why. */
export function formatSummary(s: RunSummary | ParallelSummary): string {
  return isPair(s) ? formatPair(s) : formatRun(s);
}

/** Both pipelines side by side, then the serving run in full. */
function formatPair(s: ParallelSummary): string {
  const width = Math.max(s.v1.runId.length, s.v1.outDir.length) + 2;
  const row = (name: string, cell: (r: RunSummary) => string) =>
    `  ${name.padEnd(12)}${cell(s.v1).padEnd(width)}${cell(s.v2)}`;
  return [
    `parallel ${s.correlationId}: ${s.serving} served (${s.status}), ${s.serving === 'v2' ? 'v1' : 'v2'} ran as shadow`,
    row('', (r) => r.mode.toUpperCase()),
    row('run', (r) => r.runId),
    row('status', (r) => r.status),
    row('precision', (r) => pct(r.precision)),
    row('first pass', (r) => pct(r.firstPassPrecision)),
    row('duration', (r) => `${(r.durationMs / 1000).toFixed(1)} s`),
    row('attempts', (r) => String(r.attempts)),
    row('tokens', (r) => String(r.tokens.total)),
    row('cost', (r) => `$${r.costUsd.toFixed(4)}`),
    row('output', (r) => r.outDir),
    '',
    formatRun(s.serving === 'v1' ? s.v1 : s.v2),
  ].join('\n');
}

function formatRun(s: RunSummary): string {
  const lines = [
    `run ${s.runId} ${s.status}${s.failure === undefined ? '' : ` (${s.failure.stage}: ${s.failure.reason})`}`,
    `  output      ${s.outDir}`,
    s.mode === 'v1'
      ? `  plan        ${s.tasks} files, one call each, in sequence (V1)`
      : `  plan        ${s.milestones} milestones, ${s.tasks} tasks, ${s.atoms} atoms in ${s.waves} waves`,
    `  attempts    ${s.attempts} (${s.retries} retries)`,
    `  precision   ${pct(s.precision)} (first pass ${pct(s.firstPassPrecision)})`,
    `  levels      L1 ${s.levels.l1.passed}✓ ${s.levels.l1.failed}✗ · L2 ${s.levels.l2.passed}✓ ${s.levels.l2.failed}✗ · L3 ${s.levels.l3.passed}✓ ${s.levels.l3.failed}✗ · L4 ${s.levels.l4.passed}✓ ${s.levels.l4.failed}✗`,
    `  tests       ${s.tests.passed} passed, ${s.tests.failed} failed`,
    `  tokens      ${s.tokens.total} (${s.tokens.input} in, ${s.tokens.output} out${cacheTokens(s)}) · cost $${s.costUsd.toFixed(4)} (${costLabel(s)})`,
    ...modelCallsLine(s),
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
  for (const failed of s.failedFiles ?? []) lines.push(`  failed      ${failed.file}: ${failed.reason}`);
  if (s.status === 'succeeded')
    lines.push(
      '',
      `  start it:   cd ${s.outDir} && node dist/main.js`,
      `  test it:    cd ${s.outDir} && node --test dist`,
    );
  return lines.join('\n');
}

/** Discovery's open questions and assumptions, set apart so a guess is never silent; undefined when it had none. */
export function formatDoubts(summary: Pick<RunSummary, 'openQuestions' | 'assumptions'>): string | undefined {
  const questions = summary.openQuestions ?? [];
  const assumptions = summary.assumptions ?? [];
  if (questions.length === 0 && assumptions.length === 0) return undefined;
  return [
    ...(questions.length === 0
      ? []
      : [
          `discovery is unsure — open questions (answer them in the request; --strict stops on them):`,
          ...questions.map((q) => `  ? ${q}`),
        ]),
    ...(assumptions.length === 0 ? [] : ['discovery assumed:', ...assumptions.map((a) => `  - ${a}`)]),
  ].join('\n');
}
