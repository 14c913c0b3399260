import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMessage, planTasks } from '@mge/contracts';
import type { Service } from '@mge/kit';
import { silentLogger } from '@mge/kit';
import {
  runRequested,
  startMessagesApi,
  startTestBus,
  testDocument,
  testRunId,
  testStamp,
  waitForEvent,
} from '@mge/kit/testing';
import type { PlannerModel } from '../ports.js';
import { createPlannerService } from '../service.js';

const doc = testDocument([
  {
    name: 'Author',
    description: '',
    fields: [{ name: 'name', type: 'string', required: true, description: '' }],
  },
  {
    name: 'Book',
    description: '',
    fields: [
      { name: 'title', type: 'string', required: true, description: '' },
      { name: 'authorId', type: 'reference', references: 'Author', required: true, description: '' },
    ],
  },
]);

const given = (runId: string) => [
  runRequested(runId, { request: 'library' }),
  createMessage('DiscoveryCompleted', { runId, document: doc, source: 'spec' }, testStamp()),
];

describe('planner service on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let services: Service[];
  const broken: PlannerModel = { plan: async () => ({ phases: [{ id: 'setup' }] }) };

  beforeAll(async () => {
    env = await startTestBus();
    services = [createPlannerService({ bus: env.bus, logger: silentLogger() })];
    await services[0]!.start();
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await env.stop();
  });

  it('writes a MasterPlan with setup, core and polish, one milestone per entity, referenced entities first', async () => {
    const runId = testRunId();
    await env.bus.store.append(given(runId));
    const { data } = await waitForEvent(env.bus.store, runId, 'MasterPlanCreated');
    expect(data.plan.phases.map((p) => p.id)).toEqual(['setup', 'core', 'polish']);
    expect(data.plan.phases[1]!.milestones.map((m) => m.entity)).toEqual(['Author', 'Book']);
    expect(new Set(planTasks(data.plan).map((t) => t.file)).size).toBe(planTasks(data.plan).length);
  });

  it('fails the stage, naming the fields, when the model answers a plan that does not parse', async () => {
    await services[0]!.stop();
    services = [createPlannerService({ bus: env.bus, logger: silentLogger(), model: broken })];
    await services[0]!.start();
    const runId = testRunId();
    await env.bus.store.append(given(runId));
    const failed = await waitForEvent(env.bus.store, runId, 'StageFailed');
    expect(failed.data).toMatchObject({ stage: 'planner', code: 'invalid_plan' });
    expect(failed.data.details.join('\n')).toContain('plan.phases');
    const completed = await waitForEvent(env.bus.store, runId, 'RunCompleted');
    expect(completed.data.summary).toMatchObject({ status: 'failed', failure: { stage: 'planner' } });
  });
});

describe('planner with Claude, against a Messages API server', () => {
  it('fails the stage with the API error type and message when Claude refuses the request', async () => {
    const env = await startTestBus();
    const api = await startMessagesApi(() => ({
      kind: 'error',
      status: 401,
      type: 'authentication_error',
      message: 'invalid x-api-key',
    }));
    const claude = {
      apiKey: 'sk-ant-bad',
      baseURL: api.url,
      model: 'claude-sonnet-4-6',
      maxTokens: 8192,
      timeoutMs: 5_000,
    };
    const service = createPlannerService({ bus: env.bus, logger: silentLogger(), claude });
    try {
      await service.start();
      const runId = testRunId();
      const [requested, discovered] = given(runId);
      await env.bus.store.append([
        runRequested(runId, { ...requested!.data, provider: 'anthropic' }),
        discovered!,
      ]);
      const failed = await waitForEvent(env.bus.store, runId, 'StageFailed');
      expect(failed.data).toMatchObject({
        stage: 'planner',
        code: 'model_failed',
        message: 'the Anthropic API refused the request (401 authentication_error: invalid x-api-key)',
      });
      expect(api.requests).toHaveLength(1);
    } finally {
      await service.stop();
      await api.close();
      await env.stop();
    }
  });
});
