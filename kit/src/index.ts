export * from './errors.js';
export * from './nats/server-process.js';
