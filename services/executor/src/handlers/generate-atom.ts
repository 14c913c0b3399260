import type { MgeEvent, WorkItem } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { Handler } from '@mge/kit';
import { ack } from '@mge/kit';
import type { WrittenCode } from '../model/ask-model.js';
import { askModel } from '../model/ask-model.js';
import type { GenerateAtomDeps } from '../ports.js';

/**
 * GenerateAtom → AtomGenerated (or AtomGenerationFailed); a retryable provider error waits and retries.
 * What the attempt needs is fixed for the run (request, document, atom), so it is looked up, not folded;
 * a repeated work item yields the same event id, which the log stores once.
 */
export const onGenerateAtom =
  (deps: GenerateAtomDeps): Handler<'GenerateAtom'> =>
  async (work, ctx) => {
    const { runId, atomId, attempt, temperature, feedback, repair } = work.data;
    const [request, document, atoms] = await Promise.all([
      deps.bus.facts.request(runId),
      deps.bus.facts.document(runId),
      deps.bus.facts.atoms(runId),
    ]);
    const atom = atoms.get(atomId);
    if (atom === undefined) {
      await deps.bus.store.append([failed(work, `the run has no atom ${atomId}`, deps.clock())]);
      return ack();
    }
    const model = deps.models[request.provider];
    if (model === undefined) {
      const reason = `the ${request.provider} provider is not available in this executor`;
      await deps.bus.store.append([failed(work, reason, deps.clock())]);
      return ack();
    }
    const result = await askModel(
      () =>
        model.generate({
          run: request,
          document,
          atom,
          attempt,
          temperature,
          feedback,
          repair,
          simulation: request.simulation,
        }),
      model.name,
      ctx,
    );
    if (result.kind === 'retry') return result.outcome;
    const time = deps.clock();
    await deps.bus.store.append([
      result.kind === 'refused'
        ? failed(work, result.reason, time, result.retryable)
        : generated(work, result.written, time),
    ]);
    return ack();
  };

function generated(work: WorkItem<'GenerateAtom'>, written: WrittenCode, time: string): MgeEvent {
  const { runId, atomId, attempt, temperature } = work.data;
  return createMessage(
    'AtomGenerated',
    { runId, atomId, attempt, temperature, ...written },
    { source: 'mge/executor', time, cause: work, key: [atomId, attempt], subject: atomId },
  );
}

/** A failed attempt; `retryable` when another attempt may succeed (else the atom fails at once). */
function failed(work: WorkItem<'GenerateAtom'>, reason: string, time: string, retryable = false): MgeEvent {
  const { runId, atomId, attempt } = work.data;
  const data = { runId, atomId, attempt, reason, retryable };
  return createMessage('AtomGenerationFailed', data, {
    source: 'mge/executor',
    time,
    cause: work,
    key: [atomId, attempt],
    subject: atomId,
  });
}
