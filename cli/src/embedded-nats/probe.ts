import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a NATS server says of itself on connect, as far as the embedded server's checks need it. */
export interface NatsInfo {
  /** The server demands credentials of every client. */
  readonly authRequired: boolean;
}

/**
 * What the NATS server on 127.0.0.1:`port` says: it sends `INFO {…}` with a `server_id` on connect, before
 * any credentials. A connection that is accepted but silent (a stopped or hung process) is undefined.
 */
export function readNatsInfo(port: number, timeoutMs = 1_500): Promise<NatsInfo | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    const finish = (answer: NatsInfo | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(undefined));
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\r\n');
      if (end >= 0) finish(parseServerInfo(received.slice(0, end)));
      else if (received.length > 64 * 1024) finish(undefined);
    });
  });
}

/** Asks a few times, so a server that is briefly busy is not taken for a dead one. */
export async function probeNats(port: number, attempts = 3): Promise<NatsInfo | undefined> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const info = await readNatsInfo(port);
    if (info !== undefined) return info;
    if (attempt < attempts) await sleep(100);
  }
  return undefined;
}

function parseServerInfo(line: string): NatsInfo | undefined {
  if (!line.startsWith('INFO ')) return undefined;
  try {
    const info = JSON.parse(line.slice(5)) as {
      server_id?: unknown;
      version?: unknown;
      auth_required?: unknown;
    };
    if (typeof info.server_id !== 'string' || typeof info.version !== 'string') return undefined;
    return { authRequired: info.auth_required === true };
  } catch {
    return undefined;
  }
}
