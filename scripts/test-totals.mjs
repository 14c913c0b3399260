// Sums the jest tiers' JSON reports and the gates into one closing line, with each tier's wall time;
// exits non-zero on any failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, gatesPassed, gatesFailed] = process.argv.slice(2);
let passed = Number(gatesPassed);
let failed = Number(gatesFailed);
let skipped = 0;
const times = [];
/** A wall time as people read it: seconds under two minutes, minutes above. */
const readable = (ms) => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60_000).toFixed(1)} min`);
for (const tier of ['unit', 'int', 'e2e']) {
  const file = join(dir, `${tier}.json`);
  const timeFile = join(dir, `${tier}.ms`);
  if (existsSync(timeFile)) times.push(`${tier} ${readable(Number(readFileSync(timeFile, 'utf8')))}`);
  if (!existsSync(file)) {
    console.log(`${tier}: no report (jest did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const suiteErrors = report.numRuntimeErrorTestSuites ?? 0;
  console.log(
    `${tier}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped${suiteErrors ? `, ${suiteErrors} suites did not run` : ''}`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + suiteErrors;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(
  `${passed} passed, ${failed} failed, ${skipped} skipped${times.length > 0 ? ` (${times.join(', ')})` : ''}`,
);
process.exit(failed > 0 ? 1 : 0);
