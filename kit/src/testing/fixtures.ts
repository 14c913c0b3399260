import type { AtomSpec, EventData, MasterPlan, MgeEvent, Task } from '@mge/contracts';
import { createMessage, DiscoveryDocument } from '@mge/contracts';

/** Stamps for test events: a source, the time now, and the key parts that make their ids unique. */
export const testStamp = (...key: readonly (string | number)[]) => ({
  source: 'test',
  time: new Date().toISOString(),
  key,
});

/** A RunRequested as the CLI records it; fields can be overridden. */
export function runRequested(
  runId: string,
  overrides: Partial<EventData<'RunRequested'>> = {},
): MgeEvent<'RunRequested'> {
  const data: EventData<'RunRequested'> = {
    runId,
    request: 'a todo list',
    mode: 'v2',
    provider: 'offline',
    concurrency: 4,
    temperatures: [0.7, 0.5, 0.3, 0.3],
    outDir: '/tmp/mge-test-out',
    ...overrides,
  };
  return createMessage('RunRequested', data, testStamp());
}

/** A DiscoveryDocument with one entity (Thing { name }) unless entities are given. */
export function testDocument(
  entities: DiscoveryDocument['entities'] = [
    {
      name: 'Thing',
      description: '',
      fields: [{ name: 'name', type: 'string', required: true, description: '' }],
    },
  ],
): DiscoveryDocument {
  return DiscoveryDocument.parse({ domain: 'test', entities }); // the schema fills in the empty lists
}

/** A source task writing `src/<id>.ts` in milestone `m-1`; fields can be overridden. */
export function testTask(id: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    milestoneId: 'm-1',
    file: `src/${id}.ts`,
    kind: 'source',
    description: '',
    exports: [],
    dependsOn: [],
    estimatedLines: 10,
    ...overrides,
  };
}

/** A plan whose setup phase has one infrastructure milestone per milestone id of the tasks, in order. */
export function testPlan(tasks: readonly Task[]): MasterPlan {
  const ids = [...new Set(tasks.map((t) => t.milestoneId))];
  const milestones = ids.map((id) => ({
    id,
    phase: 'setup' as const,
    name: id,
    kind: 'infrastructure' as const,
    description: '',
    dependsOn: [],
    tasks: tasks.filter((t) => t.milestoneId === id),
  }));
  return {
    phases: [
      { id: 'setup', name: 'Setup', milestones },
      { id: 'core', name: 'Core', milestones: [] },
      { id: 'polish', name: 'Polish', milestones: [] },
    ],
  };
}

/** An atom spec of a function in `src/<task>.ts`; fields can be overridden. */
export function atomSpec(id: string, overrides: Partial<AtomSpec> = {}): AtomSpec {
  return {
    id,
    taskId: 't',
    milestoneId: 'm',
    file: 'src/t.ts',
    symbol: id,
    kind: 'function',
    description: '',
    needs: [],
    uses: [],
    order: 0,
    estimatedLines: 5,
    dependsOn: [],
    wave: 0,
    ...overrides,
  };
}

/** One attempt of an atom (at the default temperature schedule), dispatched, generated and judged at L1 (passed unless errors are given). */
export function atomAttempt(
  runId: string,
  atomId: string,
  attempt = 1,
  errors: EventData<'AtomValidated'>['errors'] = [],
): MgeEvent[] {
  const stamp = testStamp(atomId, attempt);
  const temperature = [0.7, 0.5, 0.3, 0.3][attempt - 1] ?? 0.3;
  return [
    createMessage('AtomDispatched', { runId, atomId, attempt, temperature, wave: 0, feedback: [] }, stamp),
    createMessage(
      'AtomGenerated',
      {
        runId,
        atomId,
        attempt,
        temperature,
        code: `export const ${atomId} = 1;`,
        codeHash: 'a'.repeat(64),
        lines: 1,
        provider: 'offline',
        tokens: { input: 0, output: 0 },
        costUsd: 0,
        durationMs: 1,
      },
      stamp,
    ),
    createMessage(
      'AtomValidated',
      { runId, atomId, attempt, level: 1, passed: errors.length === 0, errors, durationMs: 1 },
      stamp,
    ),
  ];
}
