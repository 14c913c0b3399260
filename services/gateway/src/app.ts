import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import type { FastifyError, FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import type { ApiError } from '@mge/contracts';
import { fastifyPath, httpRoutes, openApiDocument } from '@mge/contracts';
import { bearerMatches } from './auth.js';
import { HttpFailure } from './http-error.js';
import type { GatewayDeps } from './ports.js';
import { artifactRoutes } from './routes/artifact.js';
import { flagRoutes } from './routes/flags.js';
import { healthRoutes } from './routes/health.js';
import { reviewRoutes } from './routes/review.js';
import { runRoutes } from './routes/runs.js';
import { streamRoutes } from './routes/streams.js';

/** Bodies above this are refused with 413. */
export const BODY_LIMIT = 1024 * 1024;

const OPEN_PATHS: ReadonlySet<string> = new Set(
  Object.values(httpRoutes)
    .filter((r) => 'open' in r && r.open)
    .map((r) => fastifyPath(r)),
);

const errorBody = (error: ApiError) => ({ error });

/** Fastify's own refusals (bad JSON, too large, wrong media type) in the gateway's error shape. */
function answerOf(error: FastifyError | HttpFailure): { status: number; error: ApiError } {
  if (error instanceof HttpFailure) return { status: error.status, error: error.error };
  const status = error.statusCode ?? 500;
  if (status === 413)
    return { status, error: { code: 'too-large', message: `the body is over ${BODY_LIMIT} bytes` } };
  if (status >= 400 && status < 500)
    return {
      status,
      error: { code: 'invalid', message: error.message, fields: [{ path: 'body', message: error.message }] },
    };
  return { status: 500, error: { code: 'internal', message: 'the gateway failed; see its log' } };
}

/** The gateway's HTTP app: every route of the catalog, bearer auth, JSON errors, CORS when configured. */
export async function buildApp(deps: GatewayDeps): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: false, return503OnClosing: true });
  const origins = deps.settings.MGE_CORS_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  if (origins !== undefined && origins.length > 0) await app.register(cors, { origin: origins });
  await app.register(websocket);
  await app.register(swagger, { mode: 'static', specification: { document: openApiDocument() as never } });

  const token = deps.settings.MGE_API_TOKEN;
  if (token !== undefined)
    app.addHook('onRequest', async (request, reply) => {
      if (OPEN_PATHS.has(request.routeOptions.url ?? '')) return;
      if (bearerMatches(request.headers.authorization, token)) return;
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send(
          errorBody({
            code: 'unauthorized',
            message: 'missing or wrong bearer token (Authorization: Bearer <MGE_API_TOKEN>)',
          }),
        );
    });

  app.setErrorHandler(async (error: FastifyError | HttpFailure, request, reply) => {
    const answer = answerOf(error);
    if (answer.status >= 500) deps.logger.error({ err: error, url: request.url }, 'request failed');
    await reply.code(answer.status).send(errorBody(answer.error));
  });
  app.setNotFoundHandler(async (request, reply) => {
    await reply
      .code(404)
      .send(
        errorBody({ code: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
      );
  });

  app.get(fastifyPath(httpRoutes.openapi), () => app.swagger());
  healthRoutes(app, deps);
  runRoutes(app, deps);
  streamRoutes(app, deps);
  artifactRoutes(app, deps);
  flagRoutes(app, deps);
  reviewRoutes(app, deps);
  return app;
}
