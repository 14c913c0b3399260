import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RunProgress, StoredEvent } from '@mge/contracts';
import { fastifyPath, httpRoutes, toStructuredEvent } from '@mge/contracts';
import type { RunView } from '@mge/run';
import { runProgressOf } from '@mge/run';
import { isStoredEvent } from '@mge/kit';
import type { GatewayDeps } from '../ports.js';
import { knownRun } from './runs.js';

const HEARTBEAT_MS = 15_000;

/** The run's events after `afterSeq`, in order, ending with its RunCompleted (at once when that is behind). */
async function* runEvents(
  deps: GatewayDeps,
  view: RunView,
  afterSeq: number,
  signal: AbortSignal,
): AsyncGenerator<StoredEvent> {
  if (view.completed !== undefined && afterSeq >= view.lastSeq) return;
  for await (const item of deps.bus.store.followRun(view.runId, { fromSeq: afterSeq + 1, signal })) {
    if (!isStoredEvent(item)) continue;
    yield item;
    if (item.type === 'RunCompleted') return;
  }
}

/** The run's snapshots: one folded from the log now, then each newer one published, to the terminal one. */
async function* runSnapshots(
  deps: GatewayDeps,
  view: RunView,
  signal: AbortSignal,
): AsyncGenerator<RunProgress> {
  const now = runProgressOf(view);
  yield now;
  if (now.status !== 'running') return;
  for await (const snapshot of deps.client.progress(view.runId, { signal })) {
    if (snapshot.seq <= now.seq) continue;
    yield snapshot;
  }
}

/** Takes the response over as a Server-Sent Events stream; the signal fires when the client goes. */
function openEventStream(reply: FastifyReply): {
  write(text: string): void;
  end(): void;
  signal: AbortSignal;
} {
  const closed = new AbortController();
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    clearInterval(heartbeat);
    closed.abort();
  });
  return {
    write: (text) => res.write(text),
    end: () => {
      clearInterval(heartbeat);
      res.end();
    },
    signal: closed.signal,
  };
}

const lastEventId = (value: string | string[] | undefined): number => {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
};

export function streamRoutes(app: FastifyInstance, deps: GatewayDeps): void {
  app.get(fastifyPath(httpRoutes.runEvents), async (request, reply) => {
    const view = await knownRun(deps, request);
    const stream = openEventStream(reply);
    try {
      for await (const event of runEvents(
        deps,
        view,
        lastEventId(request.headers['last-event-id']),
        stream.signal,
      ))
        stream.write(
          `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(toStructuredEvent(event))}\n\n`,
        );
    } catch (error) {
      if (!stream.signal.aborted) deps.logger.warn({ err: error, runId: view.runId }, 'event stream cut');
    } finally {
      stream.end();
    }
  });

  app.get(fastifyPath(httpRoutes.runProgress), async (request, reply) => {
    const view = await knownRun(deps, request);
    const stream = openEventStream(reply);
    try {
      for await (const snapshot of runSnapshots(deps, view, stream.signal))
        stream.write(`id: ${snapshot.seq}\nevent: progress\ndata: ${JSON.stringify(snapshot)}\n\n`);
    } catch (error) {
      if (!stream.signal.aborted) deps.logger.warn({ err: error, runId: view.runId }, 'progress stream cut');
    } finally {
      stream.end();
    }
  });

  app.get(fastifyPath(httpRoutes.runSocket), { websocket: true }, async (socket, request) => {
    const closed = new AbortController();
    socket.on('close', () => closed.abort());
    try {
      const view = await knownRun(deps, request);
      const send = (frame: unknown) => socket.send(JSON.stringify(frame));
      await Promise.all([
        (async () => {
          for await (const event of runEvents(deps, view, 0, closed.signal))
            send({ kind: 'event', seq: event.seq, event: toStructuredEvent(event) });
        })(),
        (async () => {
          for await (const progress of runSnapshots(deps, view, closed.signal))
            send({ kind: 'progress', progress });
        })(),
      ]);
      socket.close(1000, 'run ended');
    } catch (error) {
      if (!closed.signal.aborted) socket.close(1011, (error as Error).message.slice(0, 100));
    }
  });
}
