import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/http/types.ts: what routes, handlers and the router are. */
export function httpTypesFile(): FileTemplate {
  return {
    ...INFRA.httpTypes,
    kind: 'source',
    description: 'HTTP types: methods, route parameters, requests, replies, handlers, routes and the router',
    atoms: [
      atom(
        'type',
        'HttpMethod',
        'The HTTP methods routes use',
        `
/** The HTTP methods routes use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';`,
      ),
      atom(
        'type',
        'RouteParams',
        'Path parameters by name',
        `
/** Path parameters by name, e.g. \`id\` for \`/users/:id\`. */
export type RouteParams = Readonly<Record<string, string>>;`,
      ),
      atom(
        'interface',
        'RouteRequest',
        'What a handler gets',
        `
/** What a handler gets: the path parameters, the query string and the parsed JSON body (POST, PUT and PATCH only). */
export interface RouteRequest {
  readonly params: RouteParams;
  readonly query: URLSearchParams;
  readonly body: unknown;
}`,
      ),
      atom(
        'interface',
        'Reply',
        'What a handler answers',
        `
/** What a handler answers: a status and a JSON body; without a body the response is empty. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}`,
      ),
      atom(
        'type',
        'RouteHandler',
        'Answers one request',
        `
/** Answers one request; throwing an HttpError answers with that error instead. */
export type RouteHandler = (request: RouteRequest) => Promise<Reply>;`,
      ),
      atom(
        'interface',
        'Route',
        'A registered route',
        `
/** A registered route: its method, its pattern's segments (\`:name\` matches any one) and its handler. */
export interface Route {
  readonly method: HttpMethod;
  readonly segments: readonly string[];
  readonly handler: RouteHandler;
}`,
      ),
      atom(
        'interface',
        'RouteMatch',
        'The route chosen for a request',
        `
/** The route chosen for a request, with the parameters read from its path. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: RouteParams;
}`,
      ),
      atom(
        'interface',
        'Router',
        'Routes requests by method and path',
        `
/** Routes requests by method and path; \`handle\` never rejects, errors become responses. */
export interface Router {
  add(method: HttpMethod, pattern: string, handler: RouteHandler): void;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}`,
      ),
    ],
  };
}
