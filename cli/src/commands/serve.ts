import { createGatewayService } from '@mge/gateway';
import type { Service } from '@mge/kit';
import { createLogger } from '@mge/kit';
import { Concurrency, option, servicesArg } from '../args.js';
import { ExitCode } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import { createServices, startServices, stopServices } from '../runtime/services.js';
import type { CommandContext } from './context.js';

/** `mge serve [--services a,b]`: runs services (and the HTTP gateway) against NATS until interrupted. */
export async function serveCommand(
  flags: { services?: string; concurrency?: string },
  ctx: CommandContext,
): Promise<number> {
  const served = servicesArg(flags.services);
  const concurrency = option('--concurrency', Concurrency, flags.concurrency ?? '16');
  const logger = createLogger({ service: 'mge', level: ctx.config.MGE_LOG_LEVEL });
  const cli = await openCliBus(ctx.config, logger);
  const gateway = served.gateway
    ? createGatewayService({ bus: cli.bus, logger, config: ctx.config })
    : undefined;
  const services: Service[] = [
    ...createServices(served.services, cli.bus, logger, ctx.config, { concurrency }),
    ...(gateway === undefined ? [] : [gateway]),
  ];
  try {
    await startServices(services);
    const names = [...served.services, ...(gateway === undefined ? [] : ['gateway'])];
    ctx.stderr.write(
      `serving ${names.join(', ')} on ${cli.url}${gateway === undefined ? '' : `; HTTP on ${gateway.url()}`}; Ctrl-C to stop\n`,
    );
    await new Promise<void>((resolve) =>
      ctx.interrupted.addEventListener('abort', () => resolve(), { once: true }),
    );
    return ExitCode.ok;
  } finally {
    await stopServices(services);
    await cli.close();
  }
}
