import type { Draft, EntityDraft, FieldDraft } from './draft.js';

type OwnedField = FieldDraft & { readonly entity: string };
type Rule = (fields: readonly OwnedField[], draft: Draft) => string | undefined;

const NO_AUTH =
  'The generated API has no authentication or authorization: anyone who can reach it can read and change every record.';

const namesOf = (fields: readonly OwnedField[]): string =>
  fields.map((f) => `${f.entity}.${f.name}`).join(', ');

const RULES: readonly Rule[] = [
  () => NO_AUTH,
  (fields) => {
    const reference = fields.find((f) => f.references !== undefined);
    if (reference === undefined) return undefined;
    const example = `${reference.entity}.${reference.name} → ${reference.references ?? ''}`;
    return `Deleting a referenced record (e.g. ${example}) may leave records pointing at nothing.`;
  },
  (fields) => {
    const emails = fields.filter((f) => f.type === 'email');
    if (emails.length === 0) return undefined;
    return `Personal data (${namesOf(emails)}) is stored without access control or retention rules.`;
  },
  (fields) => {
    const secrets = fields.filter((f) => /password|secret|token/i.test(f.name));
    if (secrets.length === 0) return undefined;
    return `${namesOf(secrets)} would be stored and returned as plain text; a real system stores a hash and never returns it.`;
  },
  (_fields, draft) =>
    draft.openQuestions.length === 0
      ? undefined
      : 'Parts of the request were not understood or were filled with defaults; see the open questions.',
];

export function risksOf(draft: Draft, entities: readonly EntityDraft[]): string[] {
  const fields = entities.flatMap((e) => e.fields.map((f) => ({ ...f, entity: e.name })));
  return RULES.map((rule) => rule(fields, draft)).filter((r): r is string => r !== undefined);
}
