import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReportedUsage, ScriptedAnswer } from './messages-api-types.js';

/** How the Messages API test server writes its answers: a message as JSON or SSE, a broken stream, an error. */

type ContentBlock =
  | { readonly type: 'tool_use'; readonly id: string; readonly name: string; readonly input: unknown }
  | { readonly type: 'text'; readonly text: string };

export function messageOf(
  body: Record<string, unknown>,
  answer: Extract<ScriptedAnswer, { kind: 'tool' | 'text' }>,
  usage: ReportedUsage,
) {
  const tool = (body['tools'] as { name: string }[] | undefined)?.[0]?.name ?? 'answer';
  const id = `toolu_${createHash('sha1').update(JSON.stringify(answer)).digest('hex').slice(0, 20)}`;
  const content: ContentBlock[] =
    answer.kind === 'tool'
      ? [{ type: 'tool_use', id, name: tool, input: answer.input }]
      : [{ type: 'text', text: answer.text }];
  return {
    id: `msg_${Date.now().toString(36)}`,
    type: 'message',
    role: 'assistant',
    model: body['model'],
    content,
    stop_reason: answer.kind === 'tool' ? (answer.stopReason ?? 'tool_use') : 'end_turn',
    stop_sequence: null,
    usage,
  };
}

/** The same message as server-sent events, the tool input streamed in a few JSON fragments. */
/** Starts a streamed answer and breaks it as the script says. */
export function breakStream(
  req: IncomingMessage,
  res: ServerResponse,
  body: Record<string, unknown>,
  answer: Extract<ScriptedAnswer, { kind: 'broken-stream' }>,
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const start = {
    type: 'message_start',
    message: {
      id: 'msg_broken',
      type: 'message',
      role: 'assistant',
      model: body['model'],
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    },
  };
  res.write(`event: message_start\ndata: ${JSON.stringify(start)}\n\n`);
  if (answer.how === 'error-event') {
    const error = {
      type: 'error',
      error: { type: answer.type ?? 'overloaded_error', message: 'Overloaded' },
    };
    res.end(`event: error\ndata: ${JSON.stringify(error)}\n\n`);
  } else if (answer.how === 'drop') setTimeout(() => req.socket.destroy(), 20);
  // a stall writes nothing more: the client has to give up
}

export function sendStream(res: ServerResponse, message: ReturnType<typeof messageOf>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const { usage } = message;
  send('message_start', {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  message.content.forEach((block, index) => {
    if (block.type === 'tool_use') {
      send('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { ...block, input: {} },
      });
      const json = JSON.stringify(block.input);
      for (let at = 0; at < json.length; at += 64) {
        send('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: json.slice(at, at + 64) },
        });
      }
    } else {
      send('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'text', text: '' },
      });
      send('content_block_delta', {
        type: 'content_block_delta',
        index,
        delta: { type: 'text_delta', text: block.text },
      });
    }
    send('content_block_stop', { type: 'content_block_stop', index });
  });
  send('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: usage.output_tokens },
  });
  send('message_stop', { type: 'message_stop' });
  res.end();
}

export function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_error', ...headers });
  res.end(JSON.stringify({ type: 'error', error: { type, message } }));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
