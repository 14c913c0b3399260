import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RunState } from '@mge/contracts';
import { fastifyPath, httpRoutes, RunListQuery, RunParams, RunSubmission } from '@mge/contracts';
import { MgeClientError } from '@mge/client';
import { runProgressOf } from '@mge/run';
import { failure, parseOr400 } from '../http-error.js';
import type { GatewayDeps } from '../ports.js';

const STATUS_OF_CODE: Record<string, number> = { invalid: 400, conflict: 409, 'not-found': 404 };

/** The links of a run, relative to the gateway. */
const linksOf = (runId: string) => ({
  self: `/runs/${runId}`,
  events: `/runs/${runId}/events`,
  progress: `/runs/${runId}/progress`,
  ws: `/runs/${runId}/ws`,
  artifact: `/runs/${runId}/artifact`,
});

/** The run a path names, once it is known to the log; 404 otherwise. */
export async function knownRun(deps: GatewayDeps, request: FastifyRequest) {
  const { id } = parseOr400(RunParams, request.params, 'params');
  const view = await deps.bus.views.load(id);
  if (view.requested === undefined) throw failure(404, 'not-found', `no run ${id}`);
  return view;
}

export function runRoutes(app: FastifyInstance, deps: GatewayDeps): void {
  app.post(fastifyPath(httpRoutes.submitRun), async (request, reply) => {
    const submission = parseOr400(RunSubmission, request.body, 'body');
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (key !== undefined && submission.idempotencyKey !== undefined && key !== submission.idempotencyKey)
      throw failure(400, 'invalid', 'the Idempotency-Key header and body.idempotencyKey differ', [
        { path: 'idempotencyKey', message: 'differs from the Idempotency-Key header' },
      ]);
    const idempotencyKey = key ?? submission.idempotencyKey;
    try {
      const accepted = await deps.client.submit(
        { ...submission, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) },
        { source: 'mge/gateway' },
      );
      const links = linksOf(accepted.runId);
      return await reply
        .code(202)
        .header('location', links.self)
        .send({ ...accepted, links });
    } catch (error) {
      if (!(error instanceof MgeClientError)) throw error;
      throw failure(
        STATUS_OF_CODE[error.error.code] ?? 503,
        error.error.code,
        error.error.message,
        error.error.fields,
      );
    }
  });

  app.get(fastifyPath(httpRoutes.listRuns), async (request) => {
    const query = parseOr400(RunListQuery, request.query, 'query');
    const newestFirst = (await deps.bus.store.listRuns()).reverse();
    const at = query.cursor === undefined ? -1 : newestFirst.indexOf(query.cursor);
    if (query.cursor !== undefined && at < 0)
      throw failure(400, 'invalid', `query.cursor: no run ${query.cursor} in the log`, [
        { path: 'query.cursor', message: 'not a run in the log' },
      ]);
    const start = at + 1;
    const page = newestFirst.slice(start, start + query.limit);
    const runs = await Promise.all(
      page.map(async (runId) => {
        const view = await deps.bus.views.load(runId);
        return {
          runId,
          status: view.completed?.status ?? ('running' as const),
          mode: view.requested?.mode ?? 'v2',
          request: view.requested?.request ?? '',
          ...(view.requestedAt === undefined ? {} : { requestedAt: view.requestedAt }),
        };
      }),
    );
    const more = start + query.limit < newestFirst.length;
    return { runs, ...(more && page.length > 0 ? { next: page.at(-1)! } : {}) };
  });

  app.get(fastifyPath(httpRoutes.getRun), async (request): Promise<RunState> => {
    const view = await knownRun(deps, request);
    const artifact = view.artifact;
    return {
      runId: view.runId,
      status: view.completed?.status ?? 'running',
      request: view.requested?.request ?? '',
      progress: runProgressOf(view),
      ...(view.completed === undefined ? {} : { summary: view.completed }),
      ...(view.document === undefined
        ? {}
        : {
            discovery: {
              openQuestions: view.document.openQuestions,
              assumptions: view.document.assumptions,
            },
          }),
      ...(artifact === undefined
        ? {}
        : {
            artifact: {
              size: artifact.size,
              sha256: artifact.sha256,
              files: artifact.files,
              passed: artifact.passed,
            },
          }),
    };
  });
}
