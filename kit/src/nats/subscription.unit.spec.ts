import { describe, expect, it, jest } from '@jest/globals';
import { createMessage } from '@mge/contracts';
import { silentLogger } from '../logger.js';
import { ack } from './outcome.js';
import type { Handler, HandlerContext } from './subscription.js';
import { subscription } from './subscription.js';

const ctx: HandlerContext = { deliveryCount: 1, logger: silentLogger(), working: () => undefined };
const meta = { source: 'test', time: '2026-01-01T00:00:00.000Z', key: ['k'] };
const task = createMessage('ValidateTask', { runId: 'r-1', taskId: 't1', revision: 'a1' }, meta);
const plan = createMessage('ValidatePlan', { runId: 'r-1', revision: 'a1' }, meta);
const settings = { durable: 'test', stream: 'WORK', filter: 'mge.work.validator.>', maxInFlight: 1 };

describe('subscription', () => {
  it('hands an accepted message to the handler, typed by what the subscription accepts', async () => {
    const seen: string[] = [];
    const sub = subscription({
      ...settings,
      accepts: ['ValidateTask', 'ValidatePlan'],
      handler: async (message) => {
        // narrowed by `type`: only a task has a taskId
        seen.push(message.type === 'ValidateTask' ? message.data.taskId : message.data.revision);
        return ack();
      },
    });
    await expect(sub.handler(task, ctx)).resolves.toEqual({ kind: 'ack' });
    await expect(sub.handler(plan, ctx)).resolves.toEqual({ kind: 'ack' });
    expect(seen).toEqual(['t1', 'a1']);
  });

  it('turns away a message of a type it does not accept, without calling the handler', async () => {
    const handler = jest.fn<Handler<'ValidateTask'>>(async () => ack());
    const sub = subscription({ ...settings, accepts: ['ValidateTask'], handler });
    await expect(sub.handler(plan, ctx)).resolves.toEqual({
      kind: 'reject',
      reason: 'unexpected message type ValidatePlan',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not compile when the handler takes other types than the subscription accepts', () => {
    const onPlan: Handler<'ValidatePlan'> = async () => ack();
    const onTask: Handler<'ValidateTask'> = async () => ack();
    // @ts-expect-error a plan handler cannot take tasks
    subscription({ ...settings, accepts: ['ValidateTask'], handler: onPlan });
    // @ts-expect-error a task handler cannot take plans too
    subscription({ ...settings, accepts: ['ValidateTask', 'ValidatePlan'], handler: onTask });
    expect(subscription({ ...settings, accepts: ['ValidateTask'], handler: onTask }).accepts).toEqual([
      'ValidateTask',
    ]);
  });
});
