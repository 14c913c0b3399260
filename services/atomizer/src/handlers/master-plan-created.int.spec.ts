import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AtomDraft, MasterPlan } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { Service } from '@mge/kit';
import { silentLogger } from '@mge/kit';
import {
  runRequested,
  startTestBus,
  testDocument,
  testRunId,
  testStamp,
  waitForEvent,
} from '@mge/kit/testing';
import type { AtomizerModel } from '../ports.js';
import { createAtomizerService } from '../service.js';

const plan: MasterPlan = {
  phases: [
    {
      id: 'setup',
      name: 'Setup',
      milestones: [
        {
          id: 'm-1',
          phase: 'setup',
          name: 'one',
          kind: 'infrastructure',
          description: '',
          dependsOn: [],
          tasks: [
            {
              id: 't-1',
              milestoneId: 'm-1',
              file: 'src/x.ts',
              kind: 'source',
              description: '',
              exports: ['a', 'b', 'c'],
              dependsOn: [],
              estimatedLines: 30,
            },
          ],
        },
      ],
    },
    { id: 'core', name: 'Core', milestones: [] },
    { id: 'polish', name: 'Polish', milestones: [] },
  ],
};
const draft = (symbol: string, needs: string[]): AtomDraft => ({
  id: `t-1:${symbol}`,
  taskId: 't-1',
  milestoneId: 'm-1',
  file: 'src/x.ts',
  symbol,
  kind: 'function',
  description: '',
  needs,
  uses: [],
  order: 0,
  estimatedLines: 5,
});
const models: Record<string, AtomizerModel> = {
  chain: { atomize: async () => [draft('a', []), draft('b', ['a']), draft('c', ['b'])] },
  cycle: { atomize: async () => [draft('a', ['c']), draft('b', ['a']), draft('c', ['b'])] },
};

describe('atomizer service on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let service: Service | undefined;

  beforeAll(async () => {
    env = await startTestBus();
  });
  afterAll(async () => {
    await service?.stop();
    await env.stop();
  });

  const runWith = async (model: AtomizerModel) => {
    await service?.stop();
    service = createAtomizerService({ bus: env.bus, logger: silentLogger(), model });
    await service.start();
    const runId = testRunId();
    await env.bus.store.append([
      runRequested(runId),
      createMessage('DiscoveryCompleted', { runId, document: testDocument(), source: 'spec' }, testStamp()),
      createMessage('MasterPlanCreated', { runId, plan }, testStamp()),
    ]);
    return runId;
  };

  it('builds the atom graph with dependencies and waves', async () => {
    const runId = await runWith(models['chain']!);
    const { data } = await waitForEvent(env.bus.store, runId, 'AtomGraphBuilt');
    expect(data.atoms.map((a) => [a.id, a.dependsOn, a.wave])).toEqual([
      ['t-1:a', [], 0],
      ['t-1:b', ['t-1:a'], 1],
      ['t-1:c', ['t-1:b'], 2],
    ]);
    expect(data).toMatchObject({ waves: 3, edges: 2 });
  });

  it('fails the run on a cycle, naming its atoms', async () => {
    const runId = await runWith(models['cycle']!);
    const failed = await waitForEvent(env.bus.store, runId, 'StageFailed');
    expect(failed.data).toMatchObject({
      stage: 'atomizer',
      code: 'cycle',
      details: ['t-1:a', 't-1:c', 't-1:b', 't-1:a'],
    });
    expect((await waitForEvent(env.bus.store, runId, 'RunCompleted')).data.summary.status).toBe('failed');
  });
});
