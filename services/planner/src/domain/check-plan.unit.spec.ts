import { describe, expect, it } from '@jest/globals';
import type { MasterPlan, Task } from '@mge/contracts';
import { checkPlan } from './check-plan.js';

const task = (id: string, dependsOn: string[] = [], file = `src/${id}.ts`): Task => ({
  id,
  milestoneId: 'm-1',
  file,
  kind: 'source',
  description: '',
  exports: [],
  dependsOn,
  estimatedLines: 10,
});
const plan = (tasks: Task[]): MasterPlan => ({
  phases: [
    {
      id: 'setup',
      name: 'Setup',
      milestones: [
        {
          id: 'm-1',
          phase: 'setup',
          name: 'm',
          kind: 'infrastructure',
          description: '',
          dependsOn: [],
          tasks,
        },
      ],
    },
    { id: 'core', name: 'Core', milestones: [] },
    { id: 'polish', name: 'Polish', milestones: [] },
  ],
});

describe('checkPlan', () => {
  it('accepts a well-formed plan', () => {
    expect(checkPlan(plan([task('a'), task('b', ['a'])]))).toEqual([]);
  });

  it('names unknown dependencies, duplicate files and task cycles', () => {
    expect(checkPlan(plan([task('a', ['b']), task('b', ['a']), task('c', ['zzz'], 'src/a.ts')]))).toEqual([
      'file src/a.ts has two tasks',
      'task c depends on unknown task zzz',
      'tasks depend on each other in a cycle: a → b → a',
    ]);
  });
});
