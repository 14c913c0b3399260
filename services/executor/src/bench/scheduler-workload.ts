import type { AtomSpec, MasterPlan, MgeEvent, Task, WorkItem } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import { testPlan, testTask } from '@mge/kit/testing';

const ATOMS_PER_TASK = 5;
const TASKS_PER_MILESTONE = 8;
const stamp = (...key: (string | number)[]) => ({ source: 'bench', time: '2026-01-01T00:00:00.000Z', key });

/** A synthetic run for the scheduler bench: its opening events and an answer to each work item. */
export interface SchedulerWorkload {
  readonly runId: string;
  readonly atoms: number;
  readonly waves: number;
  readonly opening: readonly MgeEvent[];
  /** The events the workers and the validator would record for one work item. */
  readonly answer: (work: WorkItem) => MgeEvent[];
}

/** Atom `i` of `atoms`, in `waves` levels: two dependencies in the level before its own. */
function atomAt(i: number, perWave: number): AtomSpec {
  const wave = Math.floor(i / perWave);
  const previous = (k: number) => `atom-${(wave - 1) * perWave + ((i * k) % perWave)}`;
  const dependsOn = wave === 0 ? [] : [...new Set([previous(7), previous(13)])];
  const taskId = `task-${Math.floor(i / ATOMS_PER_TASK)}`;
  const milestoneId = `m-${Math.floor(i / (ATOMS_PER_TASK * TASKS_PER_MILESTONE))}`;
  return {
    id: `atom-${i}`,
    taskId,
    milestoneId,
    file: `src/${taskId}.ts`,
    symbol: `atom${i}`,
    kind: 'function',
    description: '',
    needs: [],
    uses: [],
    order: i % ATOMS_PER_TASK,
    estimatedLines: 5,
    dependsOn,
    wave,
  };
}

function planOf(atoms: readonly AtomSpec[]): MasterPlan {
  const tasks = new Map<string, Task>();
  for (const atom of atoms)
    tasks.set(
      atom.taskId,
      testTask(atom.taskId, { milestoneId: atom.milestoneId, file: atom.file, estimatedLines: 25 }),
    );
  return testPlan([...tasks.values()]);
}

/** L1 rejects the first attempt of every tenth atom, so retries are part of the run. */
const rejects = (atomId: string, attempt: number) => attempt === 1 && atomId.endsWith('3');

function answerAtom(runId: string, work: WorkItem<'GenerateAtom'>): MgeEvent[] {
  const { atomId, attempt, temperature } = work.data;
  const code = `export const x = ${attempt};`;
  const written = {
    code,
    codeHash: 'a'.repeat(64),
    lines: 1,
    provider: 'offline',
    tokens: { input: 1, output: 1 },
  };
  const errors = rejects(atomId, attempt)
    ? [{ level: 1 as const, code: 'syntax', message: 'bad', atomId }]
    : [];
  const verdict = {
    runId,
    atomId,
    attempt,
    level: 1 as const,
    passed: errors.length === 0,
    errors,
    durationMs: 1,
  };
  return [
    createMessage(
      'AtomGenerated',
      { runId, atomId, attempt, temperature, ...written, costUsd: 0, durationMs: 1 },
      stamp(atomId, attempt),
    ),
    createMessage('AtomValidated', verdict, stamp(atomId, attempt)),
  ];
}

function answerWork(runId: string, work: WorkItem): MgeEvent[] {
  const passed = { passed: true, errors: [], blamedAtoms: [], durationMs: 1 };
  const tests = { passed: 1, failed: 0 };
  switch (work.type) {
    case 'ValidateTask': {
      const { taskId, revision } = work.data;
      const data = { runId, taskId, level: 2 as const, revision, ...passed };
      return [createMessage('TaskValidated', data, stamp(taskId, revision))];
    }
    case 'ValidateMilestone': {
      const { milestoneId, revision } = work.data;
      const data = { runId, milestoneId, level: 3 as const, revision, ...passed, tests };
      return [createMessage('MilestoneValidated', data, stamp(milestoneId, revision))];
    }
    case 'ValidatePlan': {
      const { revision } = work.data;
      const smoke = { passed: true, detail: 'ok' };
      const data = {
        runId,
        level: 4 as const,
        revision,
        ...passed,
        tests,
        smoke,
        outDir: '/tmp/b',
        files: 1,
      };
      return [createMessage('MasterPlanValidated', data, stamp('plan', revision))];
    }
    case 'GenerateAtom':
      return answerAtom(runId, work);
    default:
      return [];
  }
}

/** A run of `atoms` atoms in `waves` levels, requested with the given concurrency. */
export function schedulerWorkload(atoms: number, waves: number, concurrency: number): SchedulerWorkload {
  const runId = 'r-01JDX0000000000000000BENCH';
  const perWave = Math.ceil(atoms / waves);
  const specs = Array.from({ length: atoms }, (_, i) => atomAt(i, perWave));
  const request = {
    runId,
    request: 'bench',
    mode: 'v2' as const,
    provider: 'offline' as const,
    concurrency,
    temperatures: [0.7, 0.5, 0.3, 0.3],
    outDir: '/tmp/bench',
  };
  const edges = specs.reduce((n, a) => n + a.dependsOn.length, 0);
  const opening = [
    createMessage('RunRequested', request, stamp()),
    createMessage('MasterPlanCreated', { runId, plan: planOf(specs) }, stamp()),
    createMessage('AtomGraphBuilt', { runId, atoms: specs, waves, edges }, stamp()),
  ];
  return { runId, atoms, waves, opening, answer: (work) => answerWork(runId, work) };
}
