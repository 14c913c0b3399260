import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether a NATS server answers on 127.0.0.1:`port`: it sends `INFO {…}` with a `server_id` on connect.
 * A connection that is accepted but silent (a stopped or hung process) counts as no.
 */
export function isNatsAnswering(port: number, timeoutMs = 1_500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    const finish = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\r\n');
      if (end >= 0) finish(isServerInfo(received.slice(0, end)));
      else if (received.length > 64 * 1024) finish(false);
    });
  });
}

/** Asks a few times, so a server that is briefly busy is not taken for a dead one. */
export async function isNatsLive(port: number, attempts = 3): Promise<boolean> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (await isNatsAnswering(port)) return true;
    if (attempt < attempts) await sleep(100);
  }
  return false;
}

function isServerInfo(line: string): boolean {
  if (!line.startsWith('INFO ')) return false;
  try {
    const info = JSON.parse(line.slice(5)) as { server_id?: unknown; version?: unknown };
    return typeof info.server_id === 'string' && typeof info.version === 'string';
  } catch {
    return false;
  }
}
