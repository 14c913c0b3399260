export * from './nats-server.js';
export * from './wait-for-event.js';
export * from './decider-spec.js';
export * from './test-bus.js';
export * from './fixtures.js';
export * from './messages-api.js';
