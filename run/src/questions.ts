import type { DiscoveryDocument } from '@mge/contracts';
import type { RunView } from './view.js';

/** Why a strict run stops: discovery was unsure. The StageFailed code, read by clients. */
export const UNSURE = 'unsure';

/** Whether the run must stop before planning: it asked to be strict and its document has open questions. */
export const stopsForQuestions = (
  view: RunView,
  document: DiscoveryDocument | undefined = view.document,
): boolean => view.requested?.strict === true && (document?.openQuestions.length ?? 0) > 0;

/** What a summary says of discovery's doubts and guesses, when it had any. */
export function doubtsOf(view: RunView): { openQuestions?: string[]; assumptions?: string[] } {
  const document = view.document;
  if (document === undefined) return {};
  return {
    ...(document.openQuestions.length === 0 ? {} : { openQuestions: [...document.openQuestions] }),
    ...(document.assumptions.length === 0 ? {} : { assumptions: [...document.assumptions] }),
  };
}
