import { silentLogger } from '../logger.js';
import type { Bus } from '../nats/runtime.js';
import { openBus } from '../nats/runtime.js';
import type { TestNatsServer } from './nats-server.js';
import { startTestNatsServer } from './nats-server.js';

/** A real nats-server with the streams provisioned and a bus on it; `stop` closes both. */
export async function startTestBus(): Promise<{ server: TestNatsServer; bus: Bus; stop(): Promise<void> }> {
  const server = await startTestNatsServer();
  const bus = await openBus(server.url, 'test', silentLogger());
  return {
    server,
    bus,
    stop: async () => {
      await bus.close();
      await server.stop();
    },
  };
}

let counter = 0;
/** A fresh, valid run id per call (tests share one server). */
export function testRunId(): string {
  counter += 1;
  return `r-01JDX${String(Date.now() % 1e9).padStart(9, '0')}${String(counter).padStart(12, '0')}`.slice(
    0,
    28,
  );
}
