import { z } from 'zod';
import type { HttpRoute } from '../http/routes.js';
import { httpRoutes } from '../http/routes.js';
import { ErrorBody } from '../http/schemas.js';
import { GENERATED } from './json-schema.js';

const schemaOf = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

const STATUS_TEXT: Record<number, string> = {
  400: 'bad request: the fields named',
  401: 'missing or wrong bearer token',
  404: 'no such run, atom or route',
  409: 'conflict: the idempotency key started another submission, or the run is still going',
  413: 'body over 1 MB',
  503: 'NATS or the intake unavailable',
};

/** The parameters of a route, from its zod schemas. */
function parameters(route: HttpRoute): unknown[] {
  const from = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (schema === undefined) return [];
    const json = schemaOf(schema) as { properties?: Record<string, unknown>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, s]) => ({
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      schema: s,
    }));
  };
  const path = route.path.includes('{action}')
    ? [
        {
          name: 'action',
          in: 'path',
          required: true,
          schema: { enum: ['approve', 'reject', 'edit', 'regenerate'] },
        },
      ]
    : [];
  const headers = (route.headers ?? []).map((h) => ({
    name: h.name,
    in: 'header',
    required: false,
    description: h.description,
    schema: { type: 'string' },
  }));
  return [...from('path', route.params), ...path, ...from('query', route.query), ...headers];
}

function operation(name: string, route: HttpRoute): Record<string, unknown> {
  const ok = route.ok;
  const okContent =
    ok.schema === undefined && ok.contentType === undefined
      ? undefined
      : {
          [ok.contentType ?? 'application/json']:
            ok.schema === undefined ? {} : { schema: schemaOf(ok.schema) },
        };
  const responses: Record<string, unknown> = {
    [String(ok.status)]: {
      description: ok.description,
      ...(okContent === undefined ? {} : { content: okContent }),
    },
  };
  for (const status of route.errors)
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? 'error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    };
  return {
    operationId: name,
    summary: route.summary,
    ...(route.open === true ? { security: [] } : {}),
    parameters: parameters(route),
    ...(route.body === undefined
      ? {}
      : {
          requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body) } } },
        }),
    responses,
  };
}

/** The OpenAPI 3.1 document of the gateway, generated from the zod schemas of its routes. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(httpRoutes) as [string, HttpRoute][])
    (paths[route.path] ??= {})[route.method] = operation(name, route);
  return {
    $comment: GENERATED,
    openapi: '3.1.0',
    info: {
      title: 'MGE gateway',
      version: '1.0.0',
      description:
        'Submit runs, follow their events and progress (SSE or WebSocket), fetch the built project, set flags and work the review queue. Errors are {"error":{"code","message","fields"?}}.',
    },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'MGE_API_TOKEN, when the gateway has one' },
      },
      schemas: { ErrorBody: schemaOf(ErrorBody) },
    },
  };
}
