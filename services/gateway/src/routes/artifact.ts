import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { fastifyPath, httpRoutes, RunParams } from '@mge/contracts';
import { openArtifactReader } from '@mge/kit';
import { failure, parseOr400 } from '../http-error.js';
import type { GatewayDeps } from '../ports.js';

export function artifactRoutes(app: FastifyInstance, deps: GatewayDeps): void {
  app.get(fastifyPath(httpRoutes.runArtifact), async (request, reply) => {
    const { id } = parseOr400(RunParams, request.params, 'params');
    const found = await (await openArtifactReader(deps.bus.nc)).read(id);
    if (found === undefined)
      throw failure(
        404,
        'not-found',
        `run ${id} has no stored project (unknown, not finished, or past its retention)`,
      );
    return reply
      .header('content-type', 'application/gzip')
      .header('content-length', String(found.size))
      .header('content-disposition', `attachment; filename="${id}.tar.gz"`)
      .header('x-content-sha256', found.sha256 ?? '')
      .send(Readable.fromWeb(found.stream));
  });
}
