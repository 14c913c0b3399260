import type { Bus, Logger } from '@mge/kit';
import { natsTargetOf, openBus, redactUrl } from '@mge/kit';
import type { CliConfig } from '../config.js';
import { acquireEmbeddedNats, installExitCleanup } from '../embedded-nats/index.js';

/** The bus the CLI talks to, and how to let go of it (closing the connection, releasing an embedded server). */
export interface CliBus {
  readonly bus: Bus;
  /** The server's address, without credentials. */
  readonly url: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

/** NATS_URL when set; otherwise the embedded nats-server shared by every CLI process on MGE_HOME. */
export async function openCliBus(config: CliConfig, logger: Logger): Promise<CliBus> {
  if (config.NATS_URL !== undefined) {
    const target = natsTargetOf({ ...config, NATS_URL: config.NATS_URL });
    const bus = await openBus(target, 'mge-cli', logger);
    return { bus, url: redactUrl(target.url), embedded: false, close: () => bus.close() };
  }
  const server = await acquireEmbeddedNats({ home: config.MGE_HOME, bin: config.MGE_NATS_SERVER });
  try {
    const bus = await openBus(server.target, 'mge-cli', logger);
    // An exit that skips `close` (a second Ctrl-C, process.exit) still releases the shared server.
    const uninstall = installExitCleanup(
      { release: () => server.release(), releaseSync: () => server.releaseSync() },
      { signals: false },
    );
    return {
      bus,
      url: server.url,
      embedded: true,
      close: async () => {
        uninstall();
        await bus.close();
        await server.release();
      },
    };
  } catch (error) {
    await server.release();
    throw error;
  }
}
