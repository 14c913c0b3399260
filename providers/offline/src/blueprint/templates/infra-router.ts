import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/http/router.ts: matching requests to routes and running their handlers. */
export function routerFile(): FileTemplate {
  return {
    ...INFRA.router,
    kind: 'source',
    description:
      'The router: path patterns with parameters, 404 and 405 answers, JSON bodies and error replies',
    atoms: [
      atom(
        'function',
        'splitPath',
        'Splits a path into segments',
        `
/** Splits a path into its segments; empty ones (a trailing slash, doubled slashes) are dropped. */
export function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}`,
      ),
      atom(
        'function',
        'decodeSegment',
        'Decodes a percent-encoded segment',
        `
/** Decodes a percent-encoded path segment, leaving a malformed one as it is. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}`,
      ),
      atom(
        'function',
        'matchSegments',
        "Matches a path against a pattern's segments",
        `
/** The parameters of a path matched against a pattern's segments, or undefined when it does not match. */
export function matchSegments(pattern: readonly string[], segments: readonly string[]): RouteParams | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = decodeSegment(segments[index] ?? '');
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}`,
      ),
      atom(
        'function',
        'matchRoute',
        'Chooses the route for a method and path',
        `
/** The route for a request: 404 when no route has the path, 405 (with Allow) when none has the method. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = splitPath(path);
  const matches = routes.flatMap((route) => {
    const params = matchSegments(route.segments, segments);
    return params === undefined ? [] : [{ route, params }];
  });
  if (matches.length === 0) throw new HttpError(404, \`no route for \${path}\`);
  const found = matches.find((candidate) => candidate.route.method === method);
  if (found !== undefined) return found;
  const allow = matches.map((candidate) => candidate.route.method).join(', ');
  throw new HttpError(405, \`\${method} is not allowed on \${path}\`, { headers: { allow } });
}`,
      ),
      atom(
        'function',
        'routeParam',
        'A path parameter the route declares',
        `
/** A path parameter the route's pattern declares. */
export function routeParam(request: RouteRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined) throw new HttpError(404, \`missing path parameter \${name}\`);
  return value;
}`,
      ),
      atom(
        'function',
        'dispatch',
        'Runs one request through the routes',
        `
/** Runs one request through the routes: match, read the JSON body, call the handler, reply. */
export async function dispatch(routes: readonly Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { route, params } = matchRoute(routes, method, url.pathname);
    const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
    const body = hasBody ? await readJsonBody(req) : undefined;
    sendReply(res, await route.handler({ params, query: url.searchParams, body }));
  } catch (error) {
    sendError(res, error);
  }
}`,
      ),
      atom(
        'function',
        'createRouter',
        'A router with routes added by method and pattern',
        `
/** A router: routes are added by method and pattern (\`/users/:id\`) and tried in the order added. */
export function createRouter(): Router {
  const routes: Route[] = [];
  return {
    add(method, pattern, handler) {
      routes.push({ method, segments: splitPath(pattern), handler });
    },
    handle: (req, res) => dispatch(routes, req, res),
  };
}`,
      ),
    ],
  };
}

/** src/http/server.ts: starting and stopping an HTTP server around a router. */
export function httpServerFile(): FileTemplate {
  return {
    ...INFRA.server,
    kind: 'source',
    description: 'The HTTP server: serving a router, listening on a host and port, closing gracefully',
    atoms: [
      atom(
        'function',
        'createHttpServer',
        'An HTTP server that hands every request to the router',
        `
/** An HTTP server that hands every request to the router. */
export function createHttpServer(router: Router): Server {
  return createServer((req, res) => {
    void router.handle(req, res);
  });
}`,
      ),
      atom(
        'function',
        'listen',
        'Starts listening and resolves with the base URL',
        `
/** Starts listening and resolves with the server's base URL (port 0 picks a free port). */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address !== null ? address.port : port;
      resolve(\`http://\${host.includes(':') ? \`[\${host}]\` : host}:\${String(actualPort)}\`);
    });
  });
}`,
      ),
      atom(
        'function',
        'closeServer',
        'Stops accepting connections and waits for open requests',
        `
/** Stops accepting connections, lets requests in flight finish and closes idle keep-alive connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
    server.closeIdleConnections();
  });
}`,
      ),
    ],
  };
}
