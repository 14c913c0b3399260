import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReceivedRequest, ReportedUsage, RequestBody, Script } from './messages-api-types.js';
import { breakStream, messageOf, readBody, sendError, sendStream } from './messages-api-wire.js';

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
