import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNatsEnv, natsEnv } from '@mge/kit';
import { z } from 'zod';

/** How generated code is kept off the network (docs/SECURITY.md); the README's validator section explains each. */
export const SandboxNetworkMode = z.enum(['auto', 'namespace', 'preload', 'refuse', 'off']);
export type SandboxNetworkMode = z.infer<typeof SandboxNetworkMode>;

/** The sandbox's settings, shared with the CLI (which runs the validator in its process). */
export const sandboxEnv = {
  /** Time limit of one sandboxed test or smoke process. */
  MGE_SANDBOX_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** Memory cap (MiB) of one sandboxed process. */
  MGE_SANDBOX_MEMORY_MB: z.coerce.number().int().min(32).default(256),
  /** `auto` (a network namespace, else the preload), `namespace`, `preload`, `refuse` or `off` (no containment). */
  MGE_SANDBOX_NETWORK: SandboxNetworkMode.default('auto'),
};

/** Where checked projects are kept, shared with the CLI. */
export const artifactEnv = {
  /** Days a built project stays in the object store (0: until deleted). */
  MGE_ARTIFACT_TTL_DAYS: z.coerce.number().min(0).max(3_650).default(30),
};

/** The validator's environment. */
const ValidatorEnv = z.object({
  /** NATS_URL, and NATS_TOKEN, NATS_CREDS or NATS_NKEY for credentials outside the URL. */
  ...natsEnv,
  /** pino level. */
  MGE_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Task, milestone and plan validations running at once in this process (each may run child processes). */
  MGE_VALIDATOR_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Scratch space for milestone builds. */
  MGE_WORK_DIR: z.string().min(1).default(join(tmpdir(), 'mge-work')),
  ...sandboxEnv,
  ...artifactEnv,
});
export const ValidatorConfig = ValidatorEnv.superRefine(checkNatsEnv);
export type ValidatorConfig = z.infer<typeof ValidatorConfig>;
