import { createHash } from 'node:crypto';
import type { MgeEvent, WorkItem } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { Bus, Clock, Handler } from '@mge/kit';
import { ack, retry, UpstreamError } from '@mge/kit';
import type { AtomAnswer, AtomModels } from '../ports.js';

export interface GenerateAtomDeps {
  readonly bus: Bus;
  readonly models: AtomModels;
  readonly clock: Clock;
}

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
    const started = performance.now();
    let answer: AtomAnswer;
    try {
      answer = await model.generate({
        document,
        atom,
        attempt,
        temperature,
        feedback,
        repair,
        simulation: request.simulation,
      });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      if (error.retryable) return retry(error.retryAfterMs ?? 1_000, error.message);
      await deps.bus.store.append([failed(work, error.message, deps.clock())]);
      return ack();
    }
    ctx.working();
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    await deps.bus.store.append([generated(work, answer, model.name, durationMs, deps.clock())]);
    return ack();
  };

function generated(
  work: WorkItem<'GenerateAtom'>,
  answer: AtomAnswer,
  provider: string,
  durationMs: number,
  time: string,
): MgeEvent {
  const { runId, atomId, attempt, temperature } = work.data;
  const data = {
    runId,
    atomId,
    attempt,
    temperature,
    code: answer.code,
    codeHash: createHash('sha256').update(answer.code).digest('hex'),
    lines: answer.code.split('\n').length,
    provider,
    tokens: answer.tokens,
    costUsd: answer.costUsd,
    durationMs,
  };
  return createMessage('AtomGenerated', data, {
    source: 'mge/executor',
    time,
    cause: work,
    key: [atomId, attempt],
    subject: atomId,
  });
}

function failed(work: WorkItem<'GenerateAtom'>, reason: string, time: string): MgeEvent {
  const { runId, atomId, attempt } = work.data;
  const data = { runId, atomId, attempt, reason, retryable: false };
  return createMessage('AtomGenerationFailed', data, {
    source: 'mge/executor',
    time,
    cause: work,
    key: [atomId, attempt],
    subject: atomId,
  });
}
