#!/usr/bin/env node
import { loadConfig } from '@mge/kit';
import { CliConfig } from './config.js';
import { describeError } from './errors.js';
import { runCli } from './program.js';

const interrupted = new AbortController();
let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1) process.exit(130); // a second Ctrl-C does not wait for cleanup
    interrupted.abort();
  });
}

const verbose = process.argv.includes('--verbose');
const argv = process.argv.slice(2).filter((a) => a !== '--verbose');
try {
  const config = loadConfig(CliConfig, process.env);
  process.exitCode = await runCli(argv, {
    config,
    stdout: process.stdout,
    stderr: process.stderr,
    interrupted: interrupted.signal,
  });
} catch (error) {
  const known = describeError(error);
  if (known === undefined || verbose) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  if (known !== undefined) process.stderr.write(`${known.line}\n`);
  process.exitCode = known?.code ?? 1;
}
