import type { MgeEvent, RunRequested } from '@mge/contracts';
import { createMessage, describeEvidence } from '@mge/contracts';
import type { Clock, FlagStore, Handler, Logger, Bus } from '@mge/kit';
import { ack } from '@mge/kit';
import type { Thresholds } from '../domain/window.js';
import { emptyWindow, judgeWindow, recordOutcome } from '../domain/window.js';
import type { WindowStore } from '../ports.js';

export interface MonitorDeps {
  readonly bus: Bus;
  readonly flags: FlagStore;
  readonly windows: WindowStore;
  readonly thresholds: Thresholds;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Whether a run tells how the pipelines do on real traffic: a request the rollout assigned, or either
 * half of a parallel pair. A pipeline forced with `--mode` (and `mge bench`) says nothing about the
 * rollout, and V1 serving because V2 is switched off neither.
 */
export const isEvidence = (request: RunRequested): boolean =>
  request.pairing !== undefined || request.assignment?.reason === 'rollout';

/**
 * RunCompleted → the sliding window of outcomes per pipeline; when V2 does worse than allowed while it
 * serves traffic, its rollout goes to 0 (FlagChanged), RolloutRolledBack records the evidence and
 * the window starts afresh. A run that failed at discovery says nothing about either pipeline.
 */
export const onRunCompleted =
  (deps: MonitorDeps): Handler<'RunCompleted'> =>
  async (event) => {
    const summary = event.data.summary;
    if (summary.failure?.stage === 'discovery') return ack();
    if (!isEvidence(await deps.bus.facts.request(summary.runId))) return ack();
    const outcome = {
      runId: summary.runId,
      pipeline: summary.mode === 'v1' ? ('v1' as const) : ('v2' as const),
      succeeded: summary.status === 'succeeded',
    };
    const { window, revision } = await deps.windows.load();
    const next = recordOutcome(window, outcome, deps.thresholds.size);
    if (next === window) return ack(); // counted already
    const evidence = judgeWindow(next, deps.thresholds);
    const rollout = (await deps.flags.read())['v2.rollout'];
    if (evidence === undefined || rollout === 0) {
      await deps.windows.save(next, revision);
      return ack();
    }
    const time = deps.clock();
    const reason = describeEvidence(evidence);
    // recorded first (its id is fixed by the run), then the flag, then a fresh window: a redelivery
    // after a failure at any step finishes the rollback instead of losing it
    const data = { fromPercent: rollout, evidence, lastRunId: summary.runId };
    const rolledBack: MgeEvent = createMessage('RolloutRolledBack', data, {
      source: 'mge/rollout',
      time,
      cause: event,
      key: [summary.runId],
    });
    await deps.bus.store.append([rolledBack]);
    await deps.flags.set('v2.rollout', 0, { by: 'mge/rollout-monitor', reason, time });
    await deps.windows.save(emptyWindow, revision);
    deps.logger.warn({ evidence, fromPercent: rollout }, `V2 rolled back to 0%: ${reason}`);
    return ack();
  };
