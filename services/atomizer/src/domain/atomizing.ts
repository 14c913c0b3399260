import type { DecisionMeta, RunView } from '@mge/run';
import type { MgeEvent } from '@mge/contracts';
import { AtomDraft, createMessage, formatIssues } from '@mge/contracts';
import { stageFailure } from '@mge/run';
import { z } from 'zod';
import { AtomGraphError, buildAtomGraph } from './graph.js';

/** Whether the run has a plan but no atoms yet. */
export const needsAtoms = (view: RunView): boolean =>
  view.plan !== undefined && view.atoms.size === 0 && view.completed === undefined;

const Answer = z.array(AtomDraft).min(1, 'a task needs at least one atom');

/** Parses the model's answers (one per task) and builds the graph; any problem fails the atomizer stage. */
export function decideAtoms(
  view: RunView,
  answers: ReadonlyMap<string, unknown>,
  meta: DecisionMeta,
): MgeEvent[] {
  const fail = (code: string, message: string, details: readonly string[]) =>
    stageFailure(view, { stage: 'atomizer', code, message, details: [...details] }, meta);
  const drafts: AtomDraft[] = [];
  for (const [taskId, answer] of answers) {
    const parsed = Answer.safeParse(answer);
    if (!parsed.success)
      return fail(
        'invalid_atoms',
        `the atoms of task ${taskId} are not valid`,
        formatIssues(parsed.error, taskId),
      );
    drafts.push(...parsed.data);
  }
  try {
    const graph = buildAtomGraph(drafts);
    return [createMessage('AtomGraphBuilt', { runId: view.runId, ...graph }, { ...meta, key: [] })];
  } catch (error) {
    if (error instanceof AtomGraphError) return fail(error.code, error.message, error.details);
    throw error;
  }
}
