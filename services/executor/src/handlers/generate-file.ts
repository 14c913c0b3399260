import type { MgeEvent, WorkItem } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { Handler } from '@mge/kit';
import { ack } from '@mge/kit';
import { askModel } from '../model/ask-model.js';
import type { GenerateAtomDeps } from '../ports.js';

type Work = WorkItem<'GenerateFile'>;

/**
 * GenerateFile → FileGenerated (or FileGenerationFailed: V1 makes one attempt). A V1 run is a few
 * dozen events, so it is folded; a file already written is not written again.
 */
export const onGenerateFile =
  (deps: GenerateAtomDeps): Handler<'GenerateFile'> =>
  async (work, ctx) => {
    const { runId, taskId, temperature } = work.data;
    const view = await deps.bus.views.load(runId);
    const task = view.v1?.tasks.find((t) => t.id === taskId);
    if (view.v1?.files.has(taskId) === true || view.completed !== undefined) return ack();
    const { requested: run, document } = view;
    const model = run === undefined ? undefined : deps.models[run.provider];
    if (task === undefined || document === undefined || run === undefined || model === undefined) {
      const reason =
        task === undefined
          ? `the run has no task ${taskId}`
          : `the run's provider is not available in this executor`;
      await deps.bus.store.append([failed(work, reason, deps.clock())]);
      return ack();
    }
    const result = await askModel(
      () =>
        model.generateFile({
          run,
          document,
          task,
          temperature,
          simulation: run.simulation,
        }),
      model.name,
      ctx,
    );
    if (result.kind === 'retry') return result.outcome;
    const time = deps.clock();
    await deps.bus.store.append([
      result.kind === 'refused'
        ? failed(work, result.reason, time)
        : createMessage(
            'FileGenerated',
            { runId, taskId, file: task.file, temperature, ...result.written },
            stamp(work, time),
          ),
    ]);
    return ack();
  };

const stamp = (work: Work, time: string) => ({
  source: 'mge/executor',
  time,
  cause: work,
  key: [work.data.taskId],
  subject: work.data.taskId,
});

function failed(work: Work, reason: string, time: string): MgeEvent {
  const data = { runId: work.data.runId, taskId: work.data.taskId, reason };
  return createMessage('FileGenerationFailed', data, stamp(work, time));
}
