import {
  collectionName,
  DiscoveryDocument,
  toPascalCase,
  words,
  type DiscoveryDocumentInput,
} from '@mge/contracts';
import type { Draft, EntityDraft } from './draft.js';
import { risksOf } from './risks.js';
import { withArticle } from './text.js';

type Entities = readonly EntityDraft[];

const plural = (entity: string): string => words(collectionName(entity)).join(' ');

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

// `Project (name, deadline)`.
const outline = (e: EntityDraft): string => `${e.name} (${e.fields.map((f) => f.name).join(', ')})`;

function summaryOf(domain: string, entities: Entities): string {
  const count = entities.length === 1 ? '1 entity' : `${entities.length} entities`;
  const api = withArticle(domain);
  return `${api.charAt(0).toUpperCase()}${api.slice(1)} API with ${count}: ${joinWords(entities.map(outline))}.`;
}

function domainEventsOf(entities: Entities): DiscoveryDocumentInput['domainEvents'] {
  return entities.flatMap((e) =>
    (['Created', 'Updated', 'Deleted'] as const).map((fact) => ({
      name: `${e.name}${fact}`,
      description: `${withArticle(e.name)} was ${fact.toLowerCase()}.`,
      entity: e.name,
    })),
  );
}

function servicesOf(entities: Entities): DiscoveryDocumentInput['services'] {
  return entities.map((e) => ({
    name: `${e.name}Service`,
    description: `Creates, lists, reads, updates and deletes ${plural(e.name)} at /${collectionName(e.name)}.`,
  }));
}

function assumptionsOf(draft: Draft, entities: Entities): string[] {
  const hasBoolean = entities.some((e) => e.fields.some((f) => f.type === 'boolean'));
  const rule =
    'Boolean fields are optional (a client need not send a flag); other fields are required unless the request says optional';
  return hasBoolean ? [...draft.assumptions, rule] : [...draft.assumptions];
}

const entityOf = (e: EntityDraft): DiscoveryDocumentInput['entities'][number] => ({
  name: e.name,
  description: `${withArticle(e.name)} record.`,
  fields: e.fields.map((f) => ({ ...f })),
  ...(e.source === undefined ? {} : { source: e.source.slice(0, 500) }),
});

// The finished draft as a DiscoveryDocument, checked by its schema.
export function buildDocument(draft: Draft): DiscoveryDocument {
  const entities = [...draft.entities.values()];
  const names = entities.map((e) => e.name);
  const domain =
    draft.domain !== undefined && draft.domain.length > 0 ? draft.domain : joinWords(names.map(plural));
  const input: DiscoveryDocumentInput = {
    domain,
    summary: summaryOf(domain, entities),
    boundedContexts: [
      { name: toPascalCase(domain) || 'Core', description: `Everything in the ${domain}.`, entities: names },
    ],
    entities: entities.map(entityOf),
    valueObjects: [],
    domainEvents: domainEventsOf(entities),
    services: servicesOf(entities),
    assumptions: assumptionsOf(draft, entities),
    openQuestions: [...draft.openQuestions],
    risks: risksOf(draft, entities),
  };
  return DiscoveryDocument.parse(input);
}
