import { describe, expect, it } from '@jest/globals';
import { planTasks } from '@mge/contracts';
import { EXTERNAL_NAMES } from './externals.js';
import { atomizeTask, generateAtom, planProject } from './index.js';
import { GLOBAL_NAMES } from './layout.js';
import { referencedNames } from './scan.js';
import { clashingNames, library, taskTracker, userManagement } from './spec-support/documents.js';

const options = { attempt: 1, temperature: 0.7, feedback: [] };

describe('atomizing and generating', () => {
  it('gives the needs and node bindings of an entity route handler', () => {
    const plan = planProject(taskTracker);
    const create = atomizeTask(taskTracker, plan, 'task-routes').find(
      (a) => a.symbol === 'createTaskHandler',
    )!;
    expect([...create.needs].sort()).toEqual(
      [
        'TaskInput',
        'TaskRouteDeps',
        'RouteHandler',
        'requireValid',
        'validateCreate',
        'taskRules',
        'checkTaskReferences',
        'Task',
      ].sort(),
    );
    expect(create.uses).toEqual([{ module: 'node:crypto', name: 'randomUUID', typeOnly: false }]);
  });

  it('keeps entity test files clear of src/app.ts', () => {
    const plan = planProject(library);
    for (const task of planTasks(plan).filter(
      (t) => t.kind === 'test' && t.milestoneId !== 'm-integration',
    )) {
      expect(task.dependsOn.some((d) => d.startsWith('integration-'))).toBe(false);
    }
  });

  it('refuses unknown tasks and atoms with a clear error', () => {
    const plan = planProject(userManagement);
    expect(() => atomizeTask(userManagement, plan, 'no-such-task')).toThrow(/no task no-such-task/);
    const ghost = { id: 'x:y', taskId: 'x', symbol: 'y', file: 'src/y.ts' };
    expect(() => generateAtom(userManagement, ghost, options)).toThrow(/no atom x:y/);
  });

  it('writes documents whole: the exact tsconfig the validator compiles with', () => {
    const plan = planProject(userManagement);
    const [tsconfig] = atomizeTask(userManagement, plan, 'infra-tsconfig');
    expect(JSON.parse(generateAtom(userManagement, tsconfig!, options).code)).toEqual({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        types: ['node'],
        rootDir: 'src',
        outDir: 'dist',
        skipLibCheck: true,
        sourceMap: false,
        declaration: false,
      },
      include: ['src'],
    });
  });
});

describe('reserved names', () => {
  it('cover every capitalised name the code uses that no atom declares, so no entity can take it', () => {
    const plan = planProject(library);
    const atoms = planTasks(plan).flatMap((t) => atomizeTask(library, plan, t.id));
    const declared = new Set([...atoms.map((a) => a.symbol), ...GLOBAL_NAMES, ...EXTERNAL_NAMES]);
    const loose = atoms
      .filter((a) => a.kind !== 'document')
      .flatMap((a) => [...referencedNames(generateAtom(library, a, options).code)])
      .filter((name) => /^[A-Z]/.test(name) && !declared.has(name));
    expect([...new Set(loose)]).toEqual([]);
  });

  it('rename an entity whose symbols would clash, keeping its collection path', () => {
    const plan = planProject(clashingNames);
    const routes = planTasks(plan).find((t) => t.file === 'src/routes/route-routes.ts')!;
    expect(routes.exports).toContain('RouteRecordRouteDeps');
    expect(routes.exports).toContain('registerRouteRecordRoutes');
    const model = planTasks(plan).find((t) => t.file === 'src/responses/response.ts')!;
    expect(model.exports).toEqual(['ResponseRecordInput', 'ResponseRecord', 'responseRecordRules']);
  });
});
