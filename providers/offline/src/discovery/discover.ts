import type { DiscoveryDocument } from '@mge/contracts';
import { applyCascades } from './cascade.js';
import { fillDefaults } from './defaults.js';
import { buildDocument } from './document.js';
import { ask, assume, createDraft, Origin, type Draft } from './draft.js';
import { DiscoveryInputError } from './errors.js';
import { joinManyToMany } from './many-to-many.js';
import { stripCommand } from './preamble.js';
import { correctSpelling } from './spelling.js';
import { readSentence } from './sentences.js';
import { normalizeRequest, splitSentences } from './text.js';

const AUTH =
  /\b(?:auth|authentication|authorization|login|log\s+in|sign\s+in|sign\s+up|passwords?|jwt|oauth|permissions)\b/i;

function readAll(request: string, known: ReadonlySet<string>): Draft {
  const draft = createDraft(known);
  const { rest, commanded } = stripCommand(request);
  splitSentences(rest).forEach((sentence, i) =>
    readSentence(draft, sentence, i === 0 ? { commanded } : undefined),
  );
  return draft;
}

// Entities the request describes or names, so a later `a member` can refer to an earlier `members`.
const namedEntities = (draft: Draft): Set<string> =>
  new Set([...draft.entities.values()].filter((e) => e.origin !== Origin.referenced).map((e) => e.name));

// Reads entities, typed fields and references from a plain-English request; deterministic.
export function discover(request: string): DiscoveryDocument {
  if (typeof request !== 'string') throw new DiscoveryInputError('the request must be a string');
  const normalized = normalizeRequest(request);
  if (normalized.length === 0)
    throw new DiscoveryInputError('the request is empty: say what the API should store');
  const { text, corrected } = correctSpelling(normalized);
  const draft = readAll(text, namedEntities(readAll(text, new Set())));
  if (AUTH.test(text)) {
    ask(
      draft,
      'The request mentions sign-in or permissions, but the generated API has no authentication. Is that needed?',
    );
  }
  for (const [word, correction] of corrected) assume(draft, `Read "${word}" as "${correction}"`);
  joinManyToMany(draft);
  applyCascades(draft);
  fillDefaults(draft, text);
  return buildDocument(draft);
}
