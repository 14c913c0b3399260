import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bus } from '@mge/kit';
import { openBus, silentLogger } from '@mge/kit';
import type { MessagesApiOptions, MessagesApiServer, Script } from '@mge/kit/testing';
import { startMessagesApi, startTestNatsServer } from '@mge/kit/testing';

/** What an end-to-end test of Claude runs against: nats-server, a Messages API test server, a bus, a folder. */
export interface ClaudeStack {
  readonly dir: string;
  readonly api: MessagesApiServer;
  readonly bus: Bus;
  /** The environment `mge` needs to use them, with an API key (`extra` adds or overrides). */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts a stack whose Messages API answers as `script` says; `name` labels its folder and bus. */
export async function startClaudeStack(
  name: string,
  script: Script,
  options: MessagesApiOptions = {},
  extra: Record<string, string> = {},
): Promise<ClaudeStack> {
  const dir = await mkdtemp(join(tmpdir(), `mge-${name}-`));
  const nats = await startTestNatsServer();
  const api = await startMessagesApi(script, options);
  const bus = await openBus(nats.url, `${name}-test`, silentLogger());
  const env = {
    MGE_HOME: join(dir, 'home'),
    MGE_WORK_DIR: join(dir, 'work'),
    NATS_URL: nats.url,
    ANTHROPIC_API_KEY: `sk-ant-${name}`,
    ANTHROPIC_BASE_URL: api.url,
    MGE_PROVIDER: '',
    ...extra,
  };
  return {
    dir,
    api,
    bus,
    env,
    stop: async () => {
      await bus.close();
      await api.close();
      await nats.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
