import { assume, type Draft } from './draft.js';
import { entityNameOf } from './singular.js';

// `Deleting a project deletes its tasks`, `when a project is removed, its tasks are removed too`.
const PARENT_FIRST =
  /\b(?:delet|remov|destroy)(?:e|es|ed|ing)?\s+(?:an?|the|one)\s+([a-z]+)\b.*?\b(?:delet|remov|destroy)(?:e|es|ed|ing)?\b.*?\b(?:its|their|all(?:\s+of)?(?:\s+its|\s+their)?|the)\s+([a-z]+)\b|\b(?:delet|remov|destroy)(?:e|es|ed|ing)?\s+(?:an?|the|one)\s+([a-z]+)\b.*?\b(?:its|their|all(?:\s+of)?(?:\s+its|\s+their)?)\s+([a-z]+)\s+(?:are|is|get|gets|should\s+be|must\s+be|will\s+be)\s+(?:also\s+)?(?:deleted|removed|destroyed)/i;
const WHEN_PARENT =
  /\bwhen\s+(?:an?|the)\s+([a-z]+)\s+is\s+(?:deleted|removed)\b.*?\b(?:its|their|all)\s+([a-z]+)\b.*?\b(?:deleted|removed|go(?:es)?\s+too|too)\b/i;
// `tasks are deleted with their project`, `cascade tasks when a project is deleted`.
const CHILD_FIRST =
  /\b([a-z]+)\s+(?:are|get|should\s+be|must\s+be|will\s+be)\s+(?:also\s+)?(?:deleted|removed)\s+(?:along\s+)?with\s+(?:its|their|the)\s+([a-z]+)\b|\bcascade\s+(?:the\s+)?([a-z]+)\s+when\s+(?:an?|the)\s+([a-z]+)\s+is\s+(?:deleted|removed)/i;

/** Reads a sentence that asks for a cascading delete; notes the pair, to apply once references exist. */
export function readCascade(draft: Draft, sentence: string): boolean {
  const first = PARENT_FIRST.exec(sentence) ?? WHEN_PARENT.exec(sentence);
  const second = first === null ? CHILD_FIRST.exec(sentence) : null;
  const [parentWord, childWord] =
    first !== null
      ? [first[1] ?? first[3], first[2] ?? first[4]]
      : second !== null
        ? [second[2] ?? second[4], second[1] ?? second[3]]
        : [];
  const parent = parentWord === undefined ? undefined : entityNameOf(parentWord.toLowerCase());
  const child = childWord === undefined ? undefined : entityNameOf(childWord.toLowerCase());
  if (parent === undefined || child === undefined || parent === child) return false;
  draft.cascades.push({ parent, child, source: sentence.trim() });
  return true;
}

/** Marks each child's reference to its parent as cascading, once the references are read. */
export function applyCascades(draft: Draft): void {
  for (const { parent, child, source } of draft.cascades) {
    const field = draft.entities.get(child)?.fields.find((f) => f.references === parent);
    if (field === undefined) {
      assume(
        draft,
        `"${source}" asks for a cascading delete, but no ${child} names a ${parent}; nothing cascades`,
      );
      continue;
    }
    field.onDelete = 'cascade';
    assume(draft, `Deleting a ${parent} also deletes the ${child} records naming it ("${source}")`);
  }
}
