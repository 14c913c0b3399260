import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { breakStream, messageOf, readBody, sendError, sendStream } from './messages-api-wire.js';

/** A content block of a request, as MGE sends them (text, maybe marked for caching). */
export interface RequestBlock {
  readonly type: string;
  readonly text?: string;
  readonly cache_control?: unknown;
}

/** The body of a Messages API request, in the shape MGE sends it (system and content as blocks). */
export interface RequestBody {
  readonly model: string;
  readonly max_tokens: number;
  readonly system?: readonly RequestBlock[];
  readonly tools?: readonly { readonly name: string; readonly input_schema: Record<string, unknown> }[];
  readonly tool_choice?: { readonly type: string; readonly name?: string };
  readonly messages: readonly { readonly role: string; readonly content: readonly RequestBlock[] }[];
  readonly temperature?: number;
  readonly stream?: boolean;
}

/** A request the test server received: its headers and parsed JSON body. */
export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: RequestBody;
  /** When it arrived (ms since the epoch). */
  readonly at: number;
}

/** What the server answers one request with. Token counts default to what the request's size implies. */
export type ScriptedAnswer =
  | {
      readonly kind: 'tool';
      readonly input: unknown;
      readonly outputTokens?: number;
      /** Why the answer stopped; `tool_use` unless given (e.g. `max_tokens` for a cut-off answer). */
      readonly stopReason?: string;
    }
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly type: string;
      readonly message: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** The connection is dropped before any answer. */
  | { readonly kind: 'reset' }
  /** A streamed answer starts, then the stream breaks: with an `error` event, dropped, or stalled for good. */
  | {
      readonly kind: 'broken-stream';
      readonly how: 'error-event' | 'drop' | 'stall';
      readonly type?: string;
    };

/** Picks the answer to a request; `index` counts the requests received so far, from 0. */
export type Script = (request: ReceivedRequest, index: number) => ScriptedAnswer;

/** The usage the server reported for one answered request. */
export interface ReportedUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_creation_input_tokens: number;
  readonly cache_read_input_tokens: number;
}

export interface MessagesApiServer {
  /** The base URL to give the client (`ANTHROPIC_BASE_URL`). */
  readonly url: string;
  readonly requests: readonly ReceivedRequest[];
  /** Usage of every answered request, in order. */
  readonly usages: readonly ReportedUsage[];
  /** The most requests it was answering at once. */
  readonly mostInFlight: number;
  close(): Promise<void>;
}

export interface MessagesApiOptions {
  /** How long every answer takes, as a model would. */
  readonly latencyMs?: number;
}

/** A rough token count, as the API would bill the text: four characters a token. */
const tokensOf = (value: unknown): number => Math.ceil(JSON.stringify(value ?? '').length / 4);

/**
 * A local server that speaks the Messages API (`POST /v1/messages`, JSON and SSE) with scripted
 * answers, so the Anthropic adapter is tested the way the SDK itself is: against a server, not a mock.
 * It models the prompt cache: the prefix up to the last `cache_control` marker is written to the
 * cache the first time it is seen and read from it afterwards.
 */
export async function startMessagesApi(
  script: Script,
  options: MessagesApiOptions = {},
): Promise<MessagesApiServer> {
  const requests: ReceivedRequest[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const usages: ReportedUsage[] = [];
  const cache = new Set<string>();

  const usageOf = (body: Record<string, unknown>, output: number): ReportedUsage => {
    const prefix = cachedPrefix(body);
    const total = tokensOf([body['system'], body['tools'], body['messages']]);
    const prefixTokens = prefix === undefined ? 0 : Math.min(total, tokensOf(prefix));
    const key = prefix === undefined ? '' : createHash('sha256').update(JSON.stringify(prefix)).digest('hex');
    const hit = prefix !== undefined && cache.has(key);
    if (prefix !== undefined) cache.add(key);
    return {
      input_tokens: total - prefixTokens,
      output_tokens: output,
      cache_creation_input_tokens: hit ? 0 : prefixTokens,
      cache_read_input_tokens: hit ? prefixTokens : 0,
    };
  };

  const server = createServer((req, res) => {
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    res.on('close', () => inFlight--);
    void readBody(req).then(async (text) => {
      await sleep(options.latencyMs ?? 0);
      if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/messages') {
        return sendError(res, 404, 'not_found_error', `no route ${req.method} ${req.url}`);
      }
      const body = JSON.parse(text) as Record<string, unknown>;
      const received = { headers: req.headers, body: body as unknown as RequestBody, at: Date.now() };
      requests.push(received);
      const answer = script(received, requests.length - 1);
      if (answer.kind === 'reset') return req.socket.destroy();
      if (answer.kind === 'broken-stream') return breakStream(req, res, body, answer);
      if (answer.kind === 'error')
        return sendError(res, answer.status, answer.type, answer.message, answer.headers);
      const usage = usageOf(
        body,
        answer.kind === 'tool' ? (answer.outputTokens ?? tokensOf(answer.input)) : tokensOf(answer.text),
      );
      usages.push(usage);
      const message = messageOf(body, answer, usage);
      if (body['stream'] === true) return sendStream(res, message);
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${requests.length}` });
      res.end(JSON.stringify(message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    usages,
    get mostInFlight() {
      return mostInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The request up to and including the last block marked with `cache_control` (tools, system, messages). */
function cachedPrefix(body: Record<string, unknown>): unknown[] | undefined {
  const parts: unknown[] = [];
  let marked: number | undefined;
  const visit = (block: unknown): void => {
    parts.push(block);
    if (typeof block === 'object' && block !== null && 'cache_control' in block) marked = parts.length;
  };
  for (const tool of (body['tools'] as unknown[] | undefined) ?? []) visit(tool);
  const system = body['system'];
  if (Array.isArray(system)) system.forEach(visit);
  else if (system !== undefined) visit(system);
  for (const message of (body['messages'] as { content: unknown }[] | undefined) ?? []) {
    if (Array.isArray(message.content)) message.content.forEach(visit);
    else visit(message.content);
  }
  return marked === undefined ? undefined : parts.slice(0, marked);
}
