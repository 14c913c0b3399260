import { z } from 'zod';
import { ItemId, RunId } from '../ids.js';

export const runScoped = { runId: RunId };
export const atomRef = { runId: RunId, atomId: ItemId };

/** The four validation levels: atom, task, milestone, masterplan. */
export const ValidationLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** A validation level. */
export type ValidationLevel = z.infer<typeof ValidationLevel>;

/** Why a validation failed, with the place and the atom whose lines carry it when known. */
export const ValidationError = z
  .object({
    level: ValidationLevel,
    code: z.string(),
    message: z.string(),
    file: z.string().optional(),
    line: z.number().int().positive().optional(),
    atomId: ItemId.optional(),
  })
  .strict();
/** A validation error. */
export type ValidationError = z.infer<typeof ValidationError>;

const tokenCount = z.number().int().nonnegative();

/**
 * Tokens a model call used: fresh input, output, and (Claude's prompt cache) input written to and
 * read from the cache, which are billed apart. The offline provider reports zero.
 */
export const TokenUsage = z
  .object({
    input: tokenCount,
    output: tokenCount,
    cacheWrite: tokenCount.optional(),
    cacheRead: tokenCount.optional(),
  })
  .strict();
/** Token usage. */
export type TokenUsage = z.infer<typeof TokenUsage>;

/** Test counts of a validation level that ran generated tests. */
export const TestCounts = z
  .object({ passed: z.number().int().nonnegative(), failed: z.number().int().nonnegative() })
  .strict();
/** Test counts. */
export type TestCounts = z.infer<typeof TestCounts>;

/**
 * The network containment the sandbox gave the generated code a validation ran (docs/SECURITY.md):
 * a network namespace with the preload on top, the preload alone, none (the operator turned it off),
 * or refused (no layer could apply, so no generated code ran). Absent in events recorded before it existed.
 */
export const SandboxLayer = z.enum(['namespace', 'preload', 'off', 'refused']);
/** A sandbox layer. */
export type SandboxLayer = z.infer<typeof SandboxLayer>;

/** The result of a validation above L1: which atom revisions it covered and whom a failure blames. */
export const levelResult = {
  revision: z.string().min(1),
  passed: z.boolean(),
  errors: z.array(ValidationError),
  blamedAtoms: z.array(ItemId),
  durationMs: z.number().nonnegative(),
};

/** What every generated piece of code records: the code, how it was asked for, and what it cost. */
export const generatedCode = {
  temperature: z.number().min(0).max(1),
  code: z.string(),
  codeHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
  lines: z.number().int().nonnegative(),
  provider: z.string(),
  tokens: TokenUsage,
  costUsd: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
};
