import { words } from '@mge/contracts';
import { ask, assume, ensureEntity, Origin, type Draft, type EntityDraft, type FieldDraft } from './draft.js';
import { domainNoun } from './preamble.js';
import { entityNameOf, isPluralWord } from './singular.js';
import { defaultFieldsOf, fieldsOfSpec, isTemplateEntity, templateIn } from './template-lookup.js';
import type { Template } from './templates.js';
import { withArticle } from './text.js';

const NAME: FieldDraft = { name: 'name', type: 'string', required: true, description: '' };

// Entities for a request that described none, then default fields for every entity that has none.
export function fillDefaults(draft: Draft, request: string): void {
  if (draft.entities.size === 0) readFallback(draft, request);
  for (const entity of draft.entities.values()) fillEntity(draft, entity);
}

function readFallback(draft: Draft, request: string): void {
  const template = draft.template ?? templateIn(request);
  if (template !== undefined) return applyTemplate(draft, template);
  const nouns = templateNounsIn(request);
  if (nouns.length > 0) {
    for (const noun of nouns) ensureEntity(draft, noun, Origin.listed);
    return assume(draft, `No entity was described; took ${nouns.join(', ')} from the words of the request`);
  }
  const noun = draft.domain === undefined ? undefined : domainNoun(draft.domain);
  const name = (noun === undefined ? undefined : entityNameOf(noun)) ?? 'Item';
  ensureEntity(draft, name, Origin.defaulted).fields.push({ ...NAME });
  const api = draft.domain === undefined ? 'the API' : `the ${draft.domain} API`;
  draft.domain ??= 'general';
  assume(draft, `No entity could be read; made a default entity ${name} with a name`);
  ask(draft, `What should ${api} store? No entity could be read from the request.`);
}

function applyTemplate(draft: Draft, template: Template): void {
  for (const [name, spec] of template.entities) {
    ensureEntity(draft, name, Origin.defaulted).fields.push(...fieldsOfSpec(spec));
  }
  const names = template.entities.map(([name]) => name).join(', ');
  draft.domain ??= template.domain;
  assume(draft, `No fields were given; used the defaults for ${template.domain}: ${names}`);
  ask(draft, `Are the default entities for ${template.domain} (${names}) what you need?`);
}

// Plural words of the request that name an entity some template knows (`users` → User).
function templateNounsIn(request: string): string[] {
  const found = words(request)
    .filter(isPluralWord)
    .map((w) => entityNameOf(w))
    .filter((n): n is string => n !== undefined && isTemplateEntity(n));
  return [...new Set(found)];
}

const HOW: Readonly<Record<Origin, string>> = {
  described: 'was described without fields',
  listed: 'was named without fields',
  referenced: 'was only referenced',
  defaulted: 'is a default',
};

function fillEntity(draft: Draft, entity: EntityDraft): void {
  const own = entity.fields.filter((f) => f.type !== 'reference');
  const needs = entity.origin === Origin.described ? entity.fields.length === 0 : own.length === 0;
  if (!needs) return;
  const present = new Set(draft.entities.keys());
  const defaults = entity.origin === Origin.listed ? defaultFieldsOf(entity.name, present) : [];
  const added = (defaults.length > 0 ? defaults : [{ ...NAME }]).filter(
    (d) => !entity.fields.some((f) => f.name === d.name),
  );
  if (added.length === 0) return;
  entity.fields.unshift(...added);
  const list = added.map((f) => `${f.name} (${f.type})`).join(', ');
  assume(
    draft,
    `${entity.name} ${HOW[entity.origin]}; it gets ${added.length === 1 ? 'one field' : 'the default fields'} ${list}`,
  );
  ask(draft, `What fields should ${withArticle(entity.name)} have? It ${HOW[entity.origin]}.`);
}
