import type { SubmissionReply } from '@mge/contracts';
import type { PipelineChoice } from '../domain/assign.js';
import { streams, subjects } from '@mge/contracts';
import { assignPipeline } from '../domain/assign.js';
import type { SubmissionRecord } from '../adapters/submission-ledger.js';
import { sha256 } from '../adapters/submission-ledger.js';
import { canonicalSubmission, idempotencyKeyOf } from '../domain/idempotency.js';
import type { ParsedSubmission } from '../domain/parse-submission.js';
import type { RunIds, RunPlan } from '../domain/plan-runs.js';
import { acceptance, assignmentKeyOf, runRequests, settingsOf } from '../domain/plan-runs.js';
import type { IntakeDeps } from '../ports.js';

type Accepted = Extract<ParsedSubmission, { ok: true }>;

/**
 * A valid submission → its run(s): remembered under its key first (so a repeat, even a concurrent
 * one on another replica, finds the same run), assigned from the flags, recorded as RunRequested.
 * A repeat with the same key answers the same run and records nothing new; the same key with another
 * request is a conflict.
 */
export async function acceptSubmission(deps: IntakeDeps, parsed: Accepted): Promise<SubmissionReply> {
  const settings = settingsOf(parsed.submission, deps.defaults);
  if (!settings.ok) return { error: settings.error };
  const key = idempotencyKeyOf(parsed.submission, parsed.origin);
  const fingerprint = sha256(canonicalSubmission(parsed.submission));
  const known = await deps.ledger.find(key);
  const { record, created } =
    known === undefined
      ? await deps.ledger.claim(key, await newRecord(deps, parsed, fingerprint))
      : { record: known, created: false };
  if (record.fingerprint !== fingerprint)
    return {
      error: {
        code: 'conflict',
        message: `idempotency key ${parsed.submission.idempotencyKey ?? key} already started run ${record.runId} with another submission`,
        fields: [{ path: 'idempotencyKey', message: 'used before with another submission' }],
      },
    };
  const ids: RunIds = { runId: record.runId, shadowId: record.shadowId };
  const choice: PipelineChoice = {
    serving: record.serving,
    shadow: record.shadow,
    assignment: record.assignment,
  };
  const plan: RunPlan = {
    submission: parsed.submission,
    origin: parsed.origin,
    idempotencyKey: parsed.submission.idempotencyKey,
    settings,
    defaults: deps.defaults,
    ids,
    choice,
    time: deps.clock(),
  };
  // A repeat records the runs only if the first attempt was remembered but not recorded.
  if (created || !(await isRecorded(deps, record.runId))) await deps.bus.store.append(runRequests(plan));
  return acceptance(ids, choice, created);
}

async function newRecord(deps: IntakeDeps, parsed: Accepted, fingerprint: string): Promise<SubmissionRecord> {
  const runId = deps.newRunId();
  const choice = assignPipeline({
    flags: await deps.flags.read(),
    v2EnabledEnv: deps.v2EnabledEnv,
    key: assignmentKeyOf(parsed.submission, runId),
    requested: parsed.submission.mode,
  });
  return {
    runId,
    ...(choice.shadow === undefined ? {} : { shadowId: deps.newRunId(), shadow: choice.shadow }),
    serving: choice.serving,
    assignment: choice.assignment,
    fingerprint,
    at: deps.clock(),
  };
}

/** Whether the serving run's RunRequested is in the log. */
async function isRecorded(deps: IntakeDeps, runId: string): Promise<boolean> {
  const last = await deps.bus.jsm.streams
    .getMessage(streams.events, { last_by_subj: subjects.event(runId, 'run', 'requested') })
    .catch(() => null);
  return last !== null && last !== undefined;
}
