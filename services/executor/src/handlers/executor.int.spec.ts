import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMessage } from '@mge/contracts';
import { silentLogger } from '@mge/kit';
import {
  atomSpec,
  runRequested,
  testStamp,
  startTestBus,
  testDocument,
  testRunId,
  waitForEvent,
} from '@mge/kit/testing';
import type { AtomModel, AtomRequest } from '../ports.js';
import { createExecutorService } from '../service.js';

const spec = (id: string, dependsOn: string[], wave: number) =>
  atomSpec(id, { needs: dependsOn, dependsOn, wave });

describe('executor service on a real nats-server', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let service: ReturnType<typeof createExecutorService>;
  const requests: AtomRequest[] = [];
  const model: AtomModel = {
    name: 'offline',
    generate: async (request) => {
      requests.push(request);
      return {
        code: `export function ${request.atom.symbol}(): number {\n  return ${request.attempt};\n}`,
        tokens: { input: 10, output: 5 },
        costUsd: 0.001,
      };
    },
    generateFile: async () => Promise.reject(new Error('V1 is not used here')),
  };

  beforeAll(async () => {
    env = await startTestBus();
    service = createExecutorService({ bus: env.bus, logger: silentLogger(), models: { offline: model } });
    await service.start();
  });
  afterAll(async () => {
    await service.stop();
    await env.stop();
  });

  it('generates ready atoms, retries a rejected one with feedback at the next temperature, then dispatches its dependents', async () => {
    const runId = testRunId();
    const stamp = testStamp;
    await env.bus.store.append([
      runRequested(runId),
      createMessage('DiscoveryCompleted', { runId, document: testDocument(), source: 'spec' }, stamp()),
      createMessage(
        'AtomGraphBuilt',
        { runId, atoms: [spec('a', [], 0), spec('b', ['a'], 1), spec('c', ['a'], 1)], waves: 2, edges: 2 },
        stamp(),
      ),
    ]);
    const first = await waitForEvent(env.bus.store, runId, 'AtomGenerated', (e) => e.data.atomId === 'a');
    expect(first.data).toMatchObject({
      attempt: 1,
      temperature: 0.7,
      provider: 'offline',
      tokens: { input: 10, output: 5 },
      lines: 3,
    });
    expect(first.data.codeHash).toMatch(/^[0-9a-f]{64}$/);

    const rejection = [
      { level: 1 as const, code: 'symbol', message: 'declares the wrong name', atomId: 'a' },
    ];
    await env.bus.store.append([
      createMessage(
        'AtomValidated',
        { runId, atomId: 'a', attempt: 1, level: 1, passed: false, errors: rejection, durationMs: 1 },
        stamp('a', 1),
      ),
    ]);
    const second = await waitForEvent(
      env.bus.store,
      runId,
      'AtomGenerated',
      (e) => e.data.atomId === 'a' && e.data.attempt === 2,
    );
    expect(second.data.temperature).toBe(0.5);
    expect(requests.find((r) => r.attempt === 2)?.feedback).toEqual(['L1 symbol: declares the wrong name']);

    await env.bus.store.append([
      createMessage(
        'AtomValidated',
        { runId, atomId: 'a', attempt: 2, level: 1, passed: true, errors: [], durationMs: 1 },
        stamp('a', 2),
      ),
    ]);
    await waitForEvent(env.bus.store, runId, 'AtomGenerated', (e) => e.data.atomId === 'b');
    await waitForEvent(env.bus.store, runId, 'AtomGenerated', (e) => e.data.atomId === 'c');
    const { events } = await env.bus.store.readRun(runId);
    const dispatched = events.filter((e) => e.type === 'AtomDispatched').map((e) => e.subject);
    expect(dispatched).toEqual(['a', 'a', 'b', 'c']);
  });
});
