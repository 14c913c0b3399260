import { z } from 'zod';
import { DiscoveryDocument } from '../discovery.js';
import { runScoped } from './common.js';
import { RunSummary } from '../summary.js';

/** Which pipeline serves a run. */
export const RunMode = z.enum(['v2', 'v1', 'parallel']);
/** A run mode. */
export type RunMode = z.infer<typeof RunMode>;

/** Which model adapter a run uses. */
export const ProviderName = z.enum(['offline', 'simulated', 'anthropic']);
/** A provider name. */
export type ProviderName = z.infer<typeof ProviderName>;

/** Someone asked for a backend: the request (or a DiscoveryDocument) and how to run it. */
export const RunRequested = z
  .object({
    ...runScoped,
    request: z.string(),
    spec: DiscoveryDocument.optional(),
    mode: RunMode,
    provider: ProviderName,
    concurrency: z.number().int().min(1).max(1000),
    temperatures: z.array(z.number().min(0).max(1)).min(1).max(10),
    outDir: z.string().min(1),
  })
  .strict()
  .refine((r) => r.request.trim().length > 0 || r.spec !== undefined, {
    message: 'give a request or a spec',
    path: ['request'],
  });
/** Data of RunRequested. */
export type RunRequested = z.infer<typeof RunRequested>;

/** A stage could not go on (bad spec, planning cycle, …); the run ends failed right after. */
export const StageFailed = z
  .object({
    ...runScoped,
    stage: z.enum(['discovery', 'planner', 'atomizer', 'executor', 'validator']),
    code: z.string(),
    message: z.string(),
    details: z.array(z.string()),
  })
  .strict();
/** Data of StageFailed. */
export type StageFailed = z.infer<typeof StageFailed>;

/** A message about this run was rejected by a service and copied to the DLQ. */
export const MessageRejected = z
  .object({
    ...runScoped,
    service: z.string(),
    subject: z.string(),
    reason: z.string(),
    dlqSubject: z.string(),
  })
  .strict();
/** Data of MessageRejected. */
export type MessageRejected = z.infer<typeof MessageRejected>;

/** The run ended; `summary` is what `mge run --json` prints and what `mge replay` must rebuild. */
export const RunCompleted = z.object({ ...runScoped, summary: RunSummary }).strict();
/** Data of RunCompleted. */
export type RunCompleted = z.infer<typeof RunCompleted>;
