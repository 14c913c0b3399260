import { createLogger } from '@mge/kit';
import { Concurrency, option, servicesArg } from '../args.js';
import { ExitCode } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import { createServices, startServices, stopServices } from '../runtime/services.js';
import type { CommandContext } from './context.js';

/** `mge serve [--services a,b]`: runs services against NATS until interrupted. */
export async function serveCommand(
  flags: { services?: string; concurrency?: string },
  ctx: CommandContext,
): Promise<number> {
  const names = servicesArg(flags.services);
  const concurrency = option('--concurrency', Concurrency, flags.concurrency ?? '16');
  const logger = createLogger({ service: 'mge', level: ctx.config.MGE_LOG_LEVEL });
  const cli = await openCliBus(ctx.config, logger);
  const services = createServices(names, cli.bus, logger, ctx.config, { concurrency });
  try {
    await startServices(services);
    ctx.stderr.write(`serving ${names.join(', ')} on ${cli.url}; Ctrl-C to stop\n`);
    await new Promise<void>((resolve) =>
      ctx.interrupted.addEventListener('abort', () => resolve(), { once: true }),
    );
    return ExitCode.ok;
  } finally {
    await stopServices(services);
    await cli.close();
  }
}
