import type { FastifyInstance } from 'fastify';
import {
  fastifyPath,
  httpRoutes,
  ReviewAction,
  ReviewListQuery,
  ReviewParams,
  ReviewQuery,
} from '@mge/contracts';
import type { ReviewVerdict } from '@mge/review';
import { caughtUpQueue, completedRun, findReviewEntry, OPEN_REVIEW, reviewEvent } from '@mge/review';
import { IllegalStateError, ValidationFailure } from '@mge/kit';
import { z } from 'zod';
import { failure, parseOr400 } from '../http-error.js';
import type { GatewayDeps } from '../ports.js';

const ActionParams = ReviewParams.extend({ action: z.enum(['approve', 'reject', 'edit', 'regenerate']) });

/** What a reviewer's body says, for the action asked; 400 naming the field it lacks. */
function verdictOf(action: ReviewVerdict['action'], body: z.infer<typeof ReviewAction>): ReviewVerdict {
  const need = (field: 'reason' | 'code', value: string | undefined): string => {
    if (value === undefined || value.trim() === '')
      throw failure(400, 'invalid', `${action} needs body.${field}`, [
        { path: `body.${field}`, message: 'required' },
      ]);
    return value;
  };
  if (action === 'approve') return { action, note: body.note ?? '' };
  if (action === 'reject') return { action, reason: need('reason', body.reason) };
  if (action === 'edit') return { action, code: need('code', body.code) };
  return { action, note: body.note ?? 'regenerate' };
}

/** The review library's refusals as HTTP answers. */
const asHttp = (error: unknown): never => {
  if (error instanceof ValidationFailure) throw failure(404, 'not-found', error.message);
  if (error instanceof IllegalStateError) throw failure(409, 'conflict', error.message);
  throw error;
};

export function reviewRoutes(app: FastifyInstance, deps: GatewayDeps): void {
  app.get(fastifyPath(httpRoutes.listReview), async (request) => {
    const query = parseOr400(ReviewListQuery, request.query, 'query');
    const entries = (await caughtUpQueue(deps.bus))
      .filter(
        (e) =>
          (query.run === undefined || e.runId === query.run) &&
          (query.all === 'true' || OPEN_REVIEW.has(e.status)),
      )
      .sort((a, b) => b.runId.localeCompare(a.runId) || a.confidence.score - b.confidence.score);
    return { entries };
  });

  app.get(fastifyPath(httpRoutes.showReview), async (request) => {
    const { atomId } = parseOr400(ReviewParams, request.params, 'params');
    const { run } = parseOr400(ReviewQuery, request.query, 'query');
    const entry = await findReviewEntry(deps.bus, atomId, run).catch(asHttp);
    const atom = (await deps.bus.views.load(entry.runId)).atoms.get(atomId);
    return {
      ...entry,
      atom:
        atom === undefined
          ? undefined
          : { status: atom.status, attempt: atom.attempt, code: atom.code, errors: atom.errors },
    };
  });

  app.post(fastifyPath(httpRoutes.reviewAtom), async (request, reply) => {
    const { atomId, action } = parseOr400(ActionParams, request.params, 'params');
    const { run } = parseOr400(ReviewQuery, request.query, 'query');
    const body = parseOr400(ReviewAction, request.body, 'body');
    const verdict = verdictOf(action, body);
    const entry = await findReviewEntry(deps.bus, atomId, run).catch(asHttp);
    const reopens = action === 'edit' || action === 'regenerate';
    const view = reopens
      ? await completedRun(deps.bus, entry.runId).catch(asHttp)
      : await deps.bus.views.load(entry.runId);
    const event = reviewEvent(view, atomId, verdict, {
      by: body.by ?? 'mge/gateway',
      source: 'mge/gateway',
      time: deps.clock(),
    });
    await deps.bus.store.append([event]);
    return reply.code(202).send({ runId: entry.runId, atomId, action, eventId: event.id });
  });
}
