import type {
  ApiError,
  Assignment,
  Envelope,
  Pairing,
  Pipeline,
  ProviderName,
  RunSubmission,
  SimulationSettings,
  SubmissionAccepted,
} from '@mge/contracts';
import { createMessage } from '@mge/contracts';
import type { PipelineChoice } from './assign.js';
import type { SubmissionOrigin } from './parse-submission.js';

/** What the intake fills in where a submission is silent, and what this deployment can serve. */
export interface IntakeDefaults {
  /** The provider of a submission that names none. */
  readonly provider: ProviderName;
  /** Whether an API key is configured, without which `anthropic` is refused. */
  readonly anthropicAvailable: boolean;
  readonly model: string;
  readonly maxTokens: number;
  readonly simulatedLatencyMs: number;
}

const TEMPERATURES = [0.7, 0.5, 0.3, 0.3];
const CONCURRENCY = 16;

/** The provider settings of a submission once defaults apply, or the field it gets wrong. */
export type Settings =
  | {
      readonly ok: true;
      readonly provider: ProviderName;
      readonly simulation: SimulationSettings | undefined;
    }
  | { readonly ok: false; readonly error: ApiError };

const fieldError = (path: string, message: string): Settings => ({
  ok: false,
  error: { code: 'invalid', message: `${path}: ${message}`, fields: [{ path, message }] },
});

/** Checks the provider and the simulation against what this deployment serves. */
export function settingsOf(submission: RunSubmission, defaults: IntakeDefaults): Settings {
  const provider = submission.provider ?? defaults.provider;
  if (provider === 'anthropic' && !defaults.anthropicAvailable)
    return fieldError('provider', 'anthropic is not available here (no ANTHROPIC_API_KEY); use offline');
  if (submission.simulation !== undefined && provider !== 'simulated')
    return fieldError('simulation', 'needs provider simulated');
  const simulation =
    provider === 'simulated'
      ? (submission.simulation ?? {
          seed: 1,
          faultRate: 0.1,
          latencyMs: defaults.simulatedLatencyMs,
          failing: [],
        })
      : undefined;
  return { ok: true, provider, simulation };
}

/** The runs a submission starts: the serving run's id and, in parallel mode, the shadow's. */
export interface RunIds {
  readonly runId: string;
  readonly shadowId: string | undefined;
}

/** The key the rollout hashes: the user or tenant when given, else the run id. */
export const assignmentKeyOf = (submission: RunSubmission, runId: string): string =>
  submission.user ?? submission.tenant ?? runId;

/** What the intake answers for an accepted submission. */
export function acceptance(ids: RunIds, choice: PipelineChoice, created: boolean): SubmissionAccepted {
  return {
    runId: ids.runId,
    mode: choice.serving,
    ...(ids.shadowId === undefined || choice.shadow === undefined
      ? {}
      : { shadow: { runId: ids.shadowId, mode: choice.shadow } }),
    correlationId: ids.runId,
    assignment: choice.assignment,
    created,
  };
}

/** Everything that decides a submission's RunRequested events. */
export interface RunPlan {
  readonly submission: RunSubmission;
  readonly origin: SubmissionOrigin;
  readonly idempotencyKey: string | undefined;
  readonly settings: Extract<Settings, { ok: true }>;
  readonly defaults: IntakeDefaults;
  readonly ids: RunIds;
  readonly choice: PipelineChoice;
  readonly time: string;
}

/**
 * The RunRequested events of a submission: one, or a parallel pair under the serving run's id as
 * correlation id, the shadow first (the serving run's discovery serves both). Ids are deterministic,
 * so recording them again stores nothing twice.
 */
export function runRequests(plan: RunPlan): Envelope<'RunRequested'>[] {
  const { ids, choice } = plan;
  if (ids.shadowId === undefined || choice.shadow === undefined)
    return [requested(plan, ids.runId, choice.serving, undefined)];
  const correlationId = ids.runId;
  return [
    requested(plan, ids.shadowId, choice.shadow, { role: 'shadow', twin: ids.runId, correlationId }),
    requested(plan, ids.runId, choice.serving, { role: 'serving', twin: ids.shadowId, correlationId }),
  ];
}

function requested(
  plan: RunPlan,
  runId: string,
  mode: Pipeline,
  pairing: Pairing | undefined,
): Envelope<'RunRequested'> {
  const { submission: s, settings, defaults } = plan;
  const anthropic = settings.provider === 'anthropic';
  const assignment: Assignment = plan.choice.assignment;
  const data = {
    runId,
    request: (s.request ?? '').trim(),
    ...(s.spec === undefined ? {} : { spec: s.spec }),
    mode,
    ...(pairing === undefined ? {} : { pairing }),
    assignment,
    provider: settings.provider,
    ...(anthropic ? { model: s.model ?? defaults.model, maxTokens: s.maxTokens ?? defaults.maxTokens } : {}),
    ...(s.cache === false ? { cache: false } : {}),
    ...(s.strict === true ? { strict: true } : {}),
    concurrency: s.concurrency ?? CONCURRENCY,
    temperatures: s.temperatures ?? TEMPERATURES,
    ...(s.budgetUsd === undefined ? {} : { budgetUsd: s.budgetUsd }),
    ...(settings.simulation === undefined ? {} : { simulation: settings.simulation }),
    submission: {
      ...plan.origin,
      ...(plan.idempotencyKey === undefined ? {} : { idempotencyKey: plan.idempotencyKey }),
    },
  };
  const meta = { source: 'mge/intake', time: plan.time, key: [] };
  return createMessage(
    'RunRequested',
    data,
    pairing === undefined ? meta : { ...meta, correlationId: pairing.correlationId },
  );
}
