import type { FastifyInstance } from 'fastify';
import { fastifyPath, httpRoutes, streams } from '@mge/contracts';
import type { GatewayDeps } from '../ports.js';

export function healthRoutes(app: FastifyInstance, deps: GatewayDeps): void {
  app.get(fastifyPath(httpRoutes.healthz), () => ({ status: 'ok' }));

  app.get(fastifyPath(httpRoutes.readyz), async (_request, reply) => {
    const nats = !deps.bus.nc.isClosed();
    const wanted: string[] = Object.values(streams);
    const present = nats
      ? await Promise.all(
          wanted.map((name) =>
            deps.bus.jsm.streams.info(name).then(
              () => name,
              () => undefined,
            ),
          ),
        )
      : [];
    const found = present.filter((name): name is string => name !== undefined);
    const missing = wanted.filter((name) => !found.includes(name));
    const ready = nats && missing.length === 0;
    return reply.code(ready ? 200 : 503).send({ ready, nats, streams: found, missing });
  });
}
