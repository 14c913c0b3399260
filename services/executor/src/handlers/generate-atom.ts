import { createHash } from 'node:crypto';
import type { MgeEvent, WorkItem } from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { Bus, Clock, Handler } from '@mge/kit';
import { ack, retry, UpstreamError } from '@mge/kit';
import type { AtomAnswer, AtomModel } from '../ports.js';

export interface GenerateAtomDeps {
  readonly bus: Bus;
  readonly model: AtomModel;
  readonly clock: Clock;
}

/** GenerateAtom → AtomGenerated (or AtomGenerationFailed); a retryable provider error waits and retries. */
export const onGenerateAtom =
  (deps: GenerateAtomDeps): Handler<'GenerateAtom'> =>
  async (work, ctx) => {
    const { runId, atomId, attempt, temperature, feedback } = work.data;
    const view = await deps.bus.views.load(runId);
    const atom = view.atoms.get(atomId);
    // Stale or already generated: the attempt moved on, or its result is recorded.
    if (view.document === undefined || atom?.attempt !== attempt || atom.status !== 'dispatched')
      return ack();
    const started = Date.now();
    let answer: AtomAnswer;
    try {
      answer = await deps.model.generate({
        document: view.document,
        atom: atom.spec,
        attempt,
        temperature,
        feedback,
      });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      if (error.retryable) return retry(error.retryAfterMs ?? 1_000, error.message);
      await deps.bus.store.append([failed(work, error.message, deps.clock())]);
      return ack();
    }
    ctx.working();
    await deps.bus.store.append([
      generated(work, answer, deps.model.name, Date.now() - started, deps.clock()),
    ]);
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
