import { describe, expect, it } from '@jest/globals';
import type { ServerSentEvent } from './sse.js';
import { readServerSentEvents } from './sse.js';

const streamOf = (...chunks: string[]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

const read = async (...chunks: string[]): Promise<ServerSentEvent[]> => {
  const out: ServerSentEvent[] = [];
  for await (const e of readServerSentEvents(streamOf(...chunks))) out.push(e);
  return out;
};

describe('Server-Sent Events', () => {
  it('reads ids, names and data, across chunk boundaries and line endings', async () => {
    expect(
      await read(
        'id: 7\nevent: RunRequested\nda',
        'ta: {"a":1}\n\n: heartbeat\n\nid: 8\r\ndata: x\r\ndata: y\r\n\r\n',
      ),
    ).toEqual([
      { id: '7', event: 'RunRequested', data: '{"a":1}' },
      { id: '8', event: undefined, data: 'x\ny' },
    ]);
  });

  it('drops an event cut off before its blank line', async () => {
    expect(await read('id: 1\ndata: whole\n\nid: 2\ndata: cut')).toEqual([
      { id: '1', event: undefined, data: 'whole' },
    ]);
  });
});
