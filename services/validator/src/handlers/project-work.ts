import { join } from 'node:path';
import { collectionName, createMessage } from '@mge/contracts';
import type { Handler } from '@mge/kit';
import type { ValidatorDeps } from '../ports.js';
import { storeProject } from './store-project.js';
import { ack, elapsedMs } from '@mge/kit';

/** ValidateProject → ProjectValidated: V1's one check, of the whole project, at the end. */
export const onValidateProject =
  (deps: ValidatorDeps): Handler<'ValidateProject'> =>
  async (work) => {
    const view = await deps.bus.views.load(work.data.runId);
    const v1 = view.v1;
    if (v1 === undefined || v1.result !== undefined || view.completed !== undefined) return ack();
    const started = performance.now();
    const outDir = join(deps.projectsDir, view.runId);
    const smokePath = `/${collectionName(view.document!.entities[0]!.name)}`;
    const files = v1.tasks.map((task) => ({ task, code: v1.files.get(task.id)?.code }));
    const outcome = await deps.checker.checkFiles(files, { outDir, smokePath });
    const data = {
      runId: view.runId,
      passed: outcome.passed,
      errors: outcome.errors.slice(0, 20),
      failedTasks: outcome.blamedAtoms,
      tests: outcome.tests,
      smoke: outcome.smoke,
      outDir,
      files: outcome.files,
      durationMs: elapsedMs(started),
      ...(outcome.sandbox === undefined ? {} : { sandbox: outcome.sandbox }),
    };
    const meta = { source: 'mge/validator', time: deps.clock(), cause: work, key: [] };
    const stored = await storeProject(deps, {
      runId: view.runId,
      dir: outDir,
      passed: outcome.passed,
      revision: undefined,
      cause: work,
    });
    await deps.bus.store.append([stored, createMessage('ProjectValidated', data, meta)]);
    return ack();
  };
