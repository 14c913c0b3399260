import { z } from 'zod';
import { runScoped, TokenUsage } from './common.js';

/** What a model call was for: a pipeline stage, one atom attempt, or one V1 file. */
export const ModelPurpose = z.enum(['discovery', 'plan', 'atomize', 'atom', 'file']);
/** A model call's purpose. */
export type ModelPurpose = z.infer<typeof ModelPurpose>;

/** Where a call's answer came from: the API, the response cache, or the recordings of the run re-executed. */
export const AnswerSource = z.enum(['api', 'cache', 'recording']);
/** An answer's source. */
export type AnswerSource = z.infer<typeof AnswerSource>;

/** A model's answer as MGE keeps it: the forced tool's input, any text, why it stopped, what it used. */
export const ModelReply = z
  .object({
    /** The input of the tool the model called (the structured answer), absent when it called none. */
    toolInput: z.unknown().optional(),
    text: z.string(),
    stopReason: z.string().nullable(),
    usage: TokenUsage,
  })
  .strict();
/** A model reply. */
export type ModelReply = z.infer<typeof ModelReply>;

/** The request settings a call was made with (the request itself is identified by its hash). */
export const ModelCallParams = z
  .object({
    model: z.string().min(1),
    maxTokens: z.number().int().positive(),
    /** The temperature sent; null when the model does not accept one. */
    temperature: z.number().min(0).max(1).nullable(),
    /** The temperature the retry schedule asked for. */
    scheduled: z.number().min(0).max(1).optional(),
    tool: z.string().min(1),
    toolChoice: z.enum(['tool', 'auto']),
    stream: z.boolean(),
  })
  .strict();
/** Model call parameters. */
export type ModelCallParams = z.infer<typeof ModelCallParams>;

/**
 * One model call, recorded so a run can be re-executed without calling the model again: the hash of
 * the normalized request, its parameters, the reply, tokens, cost and latency. `issues` lists why the
 * reply did not parse as the step's answer, when it did not.
 */
export const ModelCallRecorded = z
  .object({
    ...runScoped,
    purpose: ModelPurpose,
    /** The atom, task or stage the call was for. */
    subject: z.string().min(1),
    /** The atom attempt, or for a stage the round (a reply that does not parse is asked again). */
    attempt: z.number().int().positive(),
    requestHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'),
    params: ModelCallParams,
    reply: ModelReply,
    source: AnswerSource,
    /** What the call costs at list price, whatever its source. */
    costUsd: z.number().nonnegative(),
    latencyMs: z.number().nonnegative(),
    issues: z.array(z.string()).optional(),
  })
  .strict();
/** Data of ModelCallRecorded. */
export type ModelCallRecorded = z.infer<typeof ModelCallRecorded>;
