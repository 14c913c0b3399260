export type { TestNatsServer } from './nats-server.js';
export { startTestNatsServer } from './nats-server.js';
export { waitForEvent } from './wait-for-event.js';
export { deciderSpec } from './decider-spec.js';
export { startTestBus, testRunId } from './test-bus.js';
export {
  atomAttempt,
  atomSpec,
  runRequested,
  testDocument,
  testPlan,
  testStamp,
  testTask,
} from './fixtures.js';
export type { MessagesApiOptions, MessagesApiServer } from './messages-api.js';
export type {
  ReceivedRequest,
  ReportedUsage,
  RequestBlock,
  RequestBody,
  Script,
  ScriptedAnswer,
} from './messages-api-types.js';
export { startMessagesApi } from './messages-api.js';
