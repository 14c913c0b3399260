import type { Msg, Subscription } from '@nats-io/transport-node';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { ApiError, SubmissionReply } from '@mge/contracts';
import { subjects } from '@mge/contracts';
import { dlqHeader, headerRecord } from '@mge/kit';
import { parseSubmission } from '../domain/parse-submission.js';
import type { IntakeDeps } from '../ports.js';
import { acceptSubmission } from './submit.js';

const QUEUE = 'intake';

/** The intake's responder on `mge.requests`, shared by every replica through a queue group. */
export interface Responder {
  stop(): Promise<void>;
}

/**
 * Answers every submission on `mge.requests`: the run it started, or the error naming the fields. A
 * submission that does not parse or validate is also copied to the DLQ and starts nothing.
 */
export function startResponder(deps: IntakeDeps): Responder {
  const inFlight = new Set<Promise<void>>();
  const sub: Subscription = deps.bus.nc.subscribe(subjects.requests, {
    queue: QUEUE,
    callback: (error, msg) => {
      if (error !== null) {
        deps.logger.error({ err: error }, 'submission subscription failed');
        return;
      }
      const handled = answer(deps, msg).finally(() => inFlight.delete(handled));
      inFlight.add(handled);
    },
  });
  return {
    stop: async () => {
      await sub.drain();
      await Promise.all(inFlight);
    },
  };
}

async function answer(deps: IntakeDeps, msg: Msg): Promise<void> {
  const reply = await replyTo(deps, msg).catch((error: unknown): SubmissionReply => {
    deps.logger.error({ err: error }, 'submission not taken');
    return {
      error: {
        code: 'unavailable',
        message: `the submission was not taken: ${(error as Error).message}; send it again (with the same idempotency key)`,
      },
    };
  });
  if (msg.reply !== undefined) msg.respond(JSON.stringify(reply));
  if ('error' in reply) deps.logger.info({ error: reply.error }, 'submission refused');
  else deps.logger.info({ runId: reply.runId, created: reply.created }, 'submission accepted');
}

async function replyTo(deps: IntakeDeps, msg: Msg): Promise<SubmissionReply> {
  const parsed = parseSubmission(headerRecord(msg.headers), msg.string());
  if (!parsed.ok) {
    await toDeadLetters(deps, msg, parsed.error);
    return { error: parsed.error };
  }
  const reply = await acceptSubmission(deps, parsed);
  if ('error' in reply && reply.error.code === 'invalid') await toDeadLetters(deps, msg, reply.error);
  return reply;
}

/** A copy of the refused submission, its headers and the reason, on `mge.dlq.intake`. */
async function toDeadLetters(deps: IntakeDeps, msg: Msg, error: ApiError): Promise<void> {
  const h = natsHeaders();
  for (const [key, values] of msg.headers ?? []) for (const value of values) h.append(key, value);
  const fields = (error.fields ?? []).map((f) => `${f.path || '(root)'}: ${f.message}`);
  h.set(dlqHeader.reason, [error.message, ...fields].join('; ').slice(0, 4_000));
  h.set(dlqHeader.subject, msg.subject);
  await deps.bus.js.publish(subjects.dlq('intake'), msg.data, { headers: h });
}
