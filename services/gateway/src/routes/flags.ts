import type { FastifyInstance } from 'fastify';
import { FlagParams, FlagUpdate, fastifyPath, flagValues, httpRoutes } from '@mge/contracts';
import { parseOr400 } from '../http-error.js';
import type { GatewayDeps } from '../ports.js';

export function flagRoutes(app: FastifyInstance, deps: GatewayDeps): void {
  app.get(fastifyPath(httpRoutes.getFlag), async (request) => {
    const { name } = parseOr400(FlagParams, request.params, 'params');
    return { name, value: (await deps.flags.read())[name] };
  });

  app.put(fastifyPath(httpRoutes.setFlag), async (request) => {
    const { name } = parseOr400(FlagParams, request.params, 'params');
    const update = parseOr400(FlagUpdate, request.body, 'body');
    const value = parseOr400(flagValues[name], update.value, 'body.value');
    const change = {
      by: update.by ?? 'mge/gateway',
      reason: update.reason ?? 'set over HTTP',
      time: deps.clock(),
    };
    await deps.flags.set(name, value, change);
    return { name, value };
  });
}
