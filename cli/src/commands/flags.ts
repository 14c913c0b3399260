import { hostname, userInfo } from 'node:os';
import type { FlagName, Flags, MgeEvent, StoredEvent } from '@mge/contracts';
import { describeEvidence, FlagName as FlagNames, SYSTEM_SCOPE } from '@mge/contracts';
import { openFlagStore, silentLogger } from '@mge/kit';
import { z } from 'zod';
import { option } from '../args.js';
import type { CliConfig } from '../config.js';
import { ExitCode } from '../errors.js';
import { openCliBus } from '../runtime/bus.js';
import type { CommandContext } from './context.js';

const FlagArg = z.enum(FlagNames.options, { message: `choose ${FlagNames.options.join(' or ')}` });
const Reason = z.string().trim().min(1, 'say why (it is recorded with the change)');
const valueArgs = {
  'v2.enabled': z
    .enum(['true', 'false', 'on', 'off'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === 'on'),
  'v2.rollout': z
    .string()
    .regex(/^\d+(\.\d+)?%?$/, 'must be a percentage between 0 and 100')
    .transform((v) => Number(v.replace(/%$/, '')))
    .pipe(
      z
        .number({ message: 'must be a percentage' })
        .min(0, 'must be between 0 and 100')
        .max(100, 'must be between 0 and 100'),
    ),
} as const satisfies Record<FlagName, z.ZodType>;

type SystemEvent = StoredEvent<'FlagChanged' | 'RolloutRolledBack'>;

/** `mge flags get`: the flags in force, what overrides them, and the latest changes and rollbacks. */
export async function flagsGetCommand(flags: { json?: boolean }, ctx: CommandContext): Promise<number> {
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const current = await (await openFlagStore(cli.bus)).read();
    const { events } = await cli.bus.store.readRun(SYSTEM_SCOPE);
    const history = events.filter(
      (e): e is SystemEvent => e.type === 'FlagChanged' || e.type === 'RolloutRolledBack',
    );
    const lastRollback = history.filter((e) => e.type === 'RolloutRolledBack').at(-1);
    if (flags.json === true) {
      const out = {
        flags: current,
        v2EnabledEnv: ctx.config.MGE_V2_ENABLED,
        lastRollback: lastRollback?.data,
        changes: history.slice(-10).map(brief),
      };
      ctx.stdout.write(`${JSON.stringify(out)}\n`);
    } else ctx.stdout.write(`${formatFlags(current, ctx.config, history)}\n`);
    return ExitCode.ok;
  } finally {
    await cli.close();
  }
}

/** `mge flags set <flag> <value> --reason "…"`: sets the flag in the KV bucket and records FlagChanged. */
export async function flagsSetCommand(
  name: string,
  value: string,
  flags: { reason?: string; by?: string },
  ctx: CommandContext,
): Promise<number> {
  const flag = option('flag', FlagArg, name);
  const parsed = option(flag, valueArgs[flag], value);
  const reason = option('--reason', Reason, flags.reason ?? '');
  const by = flags.by ?? `${userInfo().username}@${hostname()}`;
  const cli = await openCliBus(ctx.config, silentLogger());
  try {
    const store = await openFlagStore(cli.bus);
    const event = await store.set(flag, parsed, {
      by,
      reason,
      time: new Date().toISOString(),
    });
    ctx.stdout.write(
      `${flag}: ${String(event.data.previous)} → ${String(event.data.value)} (by ${by}: ${reason})\n`,
    );
    return ExitCode.ok;
  } finally {
    await cli.close();
  }
}

const brief = (e: MgeEvent<'FlagChanged' | 'RolloutRolledBack'>) => ({
  type: e.type,
  time: e.time,
  ...e.data,
});

function formatFlags(current: Flags, config: CliConfig, history: readonly SystemEvent[]): string {
  const lines = [`  v2.enabled   ${current['v2.enabled']}`, `  v2.rollout   ${current['v2.rollout']}%`];
  if (!config.MGE_V2_ENABLED)
    lines.push('  MGE_V2_ENABLED=false in this environment: V1 serves every request');
  if (history.length > 0) lines.push('', 'latest changes:');
  for (const e of history.slice(-5)) lines.push(`  ${e.time}  ${describe(e)}`);
  return lines.join('\n');
}

/** One line about a flag change or a rollback, with the rollback's evidence. */
export function describe(e: MgeEvent<'FlagChanged' | 'RolloutRolledBack'>): string {
  if (e.type === 'FlagChanged')
    return `${e.data.flag} ${String(e.data.previous)} → ${String(e.data.value)} by ${e.data.by}: ${e.data.reason}`;
  return `V2 rolled back from ${e.data.fromPercent}% to 0%: ${describeEvidence(e.data.evidence)}`;
}
