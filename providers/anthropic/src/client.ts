import Anthropic from '@anthropic-ai/sdk';
import type { ModelReply } from '@mge/contracts';
import { upstreamErrorOf } from './errors.js';
import type { ClaudeRequest } from './request.js';

/** Sends one Messages API request and returns the reply as MGE keeps it; throws UpstreamError. */
export interface MessagesClient {
  send(request: ClaudeRequest, options: { stream: boolean }): Promise<ModelReply>;
}

export interface ClientSettings {
  readonly apiKey: string;
  readonly baseURL?: string | undefined;
  readonly timeoutMs: number;
}

/** What MGE keeps of a Messages API answer. */
export function replyOf(message: Anthropic.Message): ModelReply {
  const tool = message.content.find((block) => block.type === 'tool_use');
  const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  const { usage } = message;
  return {
    ...(tool === undefined ? {} : { toolInput: tool.input }),
    text,
    stopReason: message.stop_reason,
    usage: {
      input: usage.input_tokens,
      output: usage.output_tokens,
      cacheWrite: usage.cache_creation_input_tokens ?? 0,
      cacheRead: usage.cache_read_input_tokens ?? 0,
    },
  };
}

/**
 * The Messages API through the official SDK. The SDK's own retries are off: retrying is the work
 * queue's (a 429 delays the message instead of holding a slot), decided by `upstreamErrorOf`.
 */
export function createMessagesClient(settings: ClientSettings): MessagesClient {
  const client = new Anthropic({
    apiKey: settings.apiKey,
    ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }),
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
  return {
    send: async (request, { stream }) => {
      // The SDK's timeout ends once the headers arrive. This one bounds a JSON answer as a whole and a
      // streamed one between two events: a long answer that keeps coming is never cut off, a stalled one is.
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const wait = () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), settings.timeoutMs);
      };
      wait();
      const options = { signal: controller.signal };
      try {
        let message: Anthropic.Message;
        if (stream) {
          const answer = client.messages.stream(request, options);
          answer.on('streamEvent', wait);
          message = await answer.finalMessage();
        } else message = await client.messages.create({ ...request, stream: false }, options);
        return replyOf(message);
      } catch (error) {
        throw upstreamErrorOf(error);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
