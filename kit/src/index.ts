export type { ErrorCode, InputErrorCode, StateErrorCode, UpstreamErrorCode } from './errors.js';
export {
  ConfigError,
  errorCodes,
  IllegalStateError,
  InfrastructureError,
  isRetryable,
  MgeError,
  UpstreamError,
  ValidationFailure,
} from './errors.js';
export { loadConfig } from './config.js';
export type { Logger, LoggerOptions } from './logger.js';
export { createLogger, silentLogger } from './logger.js';
export type { RunViews } from './run-views.js';
export { createRunViews } from './run-views.js';
export type { RunFacts } from './run-facts.js';
export { createRunFacts } from './run-facts.js';
export type { FlagChange, FlagStore } from './flags.js';
export { FLAGS_BUCKET, openFlagStore } from './flags.js';
export type { Lease, LeaseOptions } from './nats/lease.js';
export { startLease } from './nats/lease.js';
export { writeIfUnchanged } from './nats/kv.js';
export type { NatsServerProcess, SpawnNatsServerOptions } from './nats/server-process.js';
export type { NatsServerAuth } from './nats/server-config.js';
export { spawnNatsServer } from './nats/server-process.js';
export { connectNats, drainNats } from './nats/connect.js';
export type { NatsAuth, NatsTarget } from './nats/auth.js';
export { natsUrlWithUser, parseNatsUrl, redactUrl, toNatsTarget } from './nats/auth.js';
export type { NatsEnv } from './nats/env.js';
export { checkNatsEnv, natsAuthEnv, natsEnv, natsTargetOf, natsUrl } from './nats/env.js';
export { provisionStreams, streamConfigs } from './nats/provision.js';
export type { EventStore, InvalidStoredEvent, RunEvents } from './nats/event-store.js';
export { createEventStore, isStoredEvent } from './nats/event-store.js';
export type { Outcome } from './nats/outcome.js';
export { ack, reject, retry } from './nats/outcome.js';
export type { ConsumerDeps, RunningConsumer } from './nats/consume.js';
export type { Handler, HandlerContext, Subscription, SubscriptionSpec } from './nats/subscription.js';
export { subscription } from './nats/subscription.js';
export { startConsumer } from './nats/consume.js';
export type { ModelFailure, ModelFailureKind, ModelStep, ModelVerdict } from './retry.js';
export {
  backoffMs,
  decideModelRetry,
  MODEL_MAX_DELIVER,
  modelFailureOf,
  PROVIDER_TRIES,
  retryDelayMs,
} from './retry.js';
export type { ModelCall } from './model-call.js';
export { callModel } from './model-call.js';
export type { BatchConsumerOptions, BatchItem, RunningBatchConsumer } from './nats/batch-consumer.js';
export { startBatchConsumer } from './nats/batch-consumer.js';
export type { Rejecter } from './nats/dead-letter.js';
export { createRejecter, dlqHeader } from './nats/dead-letter.js';
export type { Bus } from './nats/runtime.js';
export { openBus } from './nats/runtime.js';
export { parseWire, headerRecord } from './nats/wire.js';
export type { Clock, Service } from './service.js';
export { createService, elapsedMs, systemClock } from './service.js';
export { parseJsonRecord, writeFileAtomically } from './files.js';
export { loadConfigOrExit, runUntilSignal } from './lifecycle.js';
export { mapLimit } from './map-limit.js';
export type { Unpacked } from './archive.js';
export { isContainedPath, unpackTarGz } from './archive.js';
export type { Packed } from './archive.js';
export { packTarGz } from './archive.js';
export type { ArtifactStore, ArtifactStoreOptions, StoredArtifact } from './nats/artifacts.js';
export { openArtifactReader, openArtifactStore } from './nats/artifacts.js';
