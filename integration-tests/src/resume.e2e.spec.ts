import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunSummary } from '@mge/contracts';
import type { Bus } from '@mge/kit';
import { openBus, silentLogger } from '@mge/kit';
import type { TestNatsServer } from '@mge/kit/testing';
import { startTestNatsServer } from '@mge/kit/testing';
import { lastJsonLine, runMge, startMge } from './support/cli.js';
import { duplicates, unexplainedRetries } from './support/outcomes.js';

describe('mge resume', () => {
  let nats: TestNatsServer;
  let bus: Bus;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mge-resume-'));
    nats = await startTestNatsServer();
    bus = await openBus(nats.url, 'resume-test', silentLogger());
    env = { MGE_HOME: join(dir, 'home'), MGE_WORK_DIR: join(dir, 'work'), NATS_URL: nats.url };
  });
  afterAll(async () => {
    await bus.close();
    await nats.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('continues a run whose process was SIGKILLed: nothing finished is redone, nothing recorded twice', async () => {
    const args = ['--provider', 'simulated', '--seed', '3', '--fault-rate', '0.2', '--latency-ms', '40'];
    const started = startMge(
      ['run', 'Create a REST API for user management', '--out', join(dir, 'out'), ...args],
      env,
    );
    const runId = (await started.firstLine).replace('mge run ', '');
    for (;;) {
      const { events } = await bus.store.readRun(runId);
      if (events.filter((e) => e.type === 'AtomValidated').length >= 40) break;
      await sleep(100);
    }
    started.kill();
    await started.done;
    const before = (await bus.store.readRun(runId)).events;
    expect(before.some((e) => e.type === 'RunCompleted')).toBe(false);

    const resumed = await runMge(['resume', runId, '--json'], env);
    expect({ code: resumed.code, stderr: resumed.code === 0 ? '' : resumed.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(lastJsonLine<RunSummary>(resumed.stdout)).toMatchObject({
      runId,
      status: 'succeeded',
      precision: 1,
    });
    const { events } = await bus.store.readRun(runId);
    expect(events.filter((e) => e.type === 'RunResumed')).toHaveLength(1);
    expect(duplicates(events)).toEqual([]);
    expect(unexplainedRetries(events)).toEqual([]);

    const again = await runMge(['resume', runId], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already completed');
  });
});
