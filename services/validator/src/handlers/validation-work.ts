import { join } from 'node:path';
import type { MgeEvent, WorkItem } from '@mge/contracts';
import type { RunView } from '@mge/run';
import { collectionName, createMessage } from '@mge/contracts';
import type { Handler } from '@mge/kit';
import { ack, elapsedMs } from '@mge/kit';
import { isCurrent } from '../domain/current.js';
import type { ProjectSnapshot, ValidatorDeps } from '../ports.js';
import { storeProject } from './store-project.js';

type ValidationWork = WorkItem<'ValidateTask' | 'ValidateMilestone' | 'ValidatePlan'>;

/** The atoms that currently stand (passed L1), with their code. */
function snapshotOf(view: RunView): ProjectSnapshot {
  const atoms = [...view.atoms.values()]
    .filter((a) => a.status === 'passed' && a.code !== undefined)
    .map((a) => ({ spec: a.spec, code: a.code! }));
  return { runId: view.runId, plan: view.plan!, atoms };
}

/** ValidateTask / ValidateMilestone / ValidatePlan → L2 / L3 / L4 result (the scheduler decides what comes next). */
export const onValidationWork =
  (deps: ValidatorDeps): Handler<ValidationWork['type']> =>
  async (work) => {
    const runId = work.data.runId;
    const view = await deps.bus.views.load(runId);
    const scope =
      work.type === 'ValidateTask'
        ? { taskId: work.data.taskId }
        : work.type === 'ValidateMilestone'
          ? { milestoneId: work.data.milestoneId }
          : 'plan';
    if (view.plan === undefined || !isCurrent(view, scope, work.data.revision)) return ack();
    const results = await validate(deps, view, work); // the consume loop sends working() meanwhile
    await deps.bus.store.append(results);
    return ack();
  };

async function validate(deps: ValidatorDeps, view: RunView, work: ValidationWork): Promise<MgeEvent[]> {
  const started = performance.now();
  const snapshot = snapshotOf(view);
  const { runId, revision } = work.data;
  const meta = { source: 'mge/validator', time: '', cause: work };
  const stamp = (key: string[], subject: string) => ({ ...meta, time: deps.clock(), key, subject });
  if (work.type === 'ValidateTask') {
    const { taskId } = work.data;
    const outcome = await deps.checker.checkTask(snapshot, taskId);
    const data = { runId, taskId, level: 2 as const, revision, ...outcome, durationMs: elapsedMs(started) };
    return [createMessage('TaskValidated', data, stamp([taskId, revision], taskId))];
  }
  if (work.type === 'ValidateMilestone') {
    const { milestoneId } = work.data;
    const outcome = await deps.checker.checkMilestone(snapshot, milestoneId);
    const data = {
      runId,
      milestoneId,
      level: 3 as const,
      revision,
      ...outcome,
      durationMs: elapsedMs(started),
    };
    return [createMessage('MilestoneValidated', data, stamp([milestoneId, revision], milestoneId))];
  }
  const outDir = join(deps.projectsDir, view.runId);
  const smokePath = `/${collectionName(view.document!.entities[0]!.name)}`;
  const outcome = await deps.checker.checkProject(snapshot, { outDir, smokePath });
  const data = { runId, level: 4 as const, revision, ...outcome, outDir, durationMs: elapsedMs(started) };
  const stored = await storeProject(deps, {
    runId,
    dir: outDir,
    passed: outcome.passed,
    revision,
    cause: work,
  });
  return [stored, createMessage('MasterPlanValidated', data, stamp([revision], runId))];
}
