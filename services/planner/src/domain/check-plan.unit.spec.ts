import { describe, expect, it } from '@jest/globals';
import type { Task } from '@mge/contracts';
import { testPlan, testTask } from '@mge/kit/testing';
import { checkPlan } from './check-plan.js';

const task = (id: string, dependsOn: string[] = [], file = `src/${id}.ts`): Task =>
  testTask(id, { dependsOn, file });
const plan = testPlan;

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
