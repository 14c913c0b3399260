import type { IncomingHttpHeaders } from 'node:http';

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
