export type { FollowOptions, MgeClient, SubmitOptions, UnpackedArtifact } from './client.js';
export { MgeClientError, submissionOf } from './client.js';
export type { NatsClientOptions } from './nats-client.js';
export { connectNatsClient, natsClient } from './nats-client.js';
export type { HttpClientOptions } from './http-client.js';
export { httpClient } from './http-client.js';
export type { ServerSentEvent } from './sse.js';
export { readServerSentEvents } from './sse.js';
