import { ensureEntity, Origin, type Draft } from './draft.js';
import { readFieldList } from './fields.js';
import { stripGerund } from './preamble.js';
import { entityNameOf, isPluralWord } from './singular.js';
import { isPlainPhrase, splitList, stripDeterminers } from './text.js';

interface EntityItem {
  readonly name: string;
  readonly fields: string | undefined;
  readonly plural: boolean;
}

const QUANTITY = /^(?:many|multiple|several|various|different|other)\s+/i;
const MANAGEMENT =
  /\s+(?:management|tracking|administration|admin|handling|catalog|catalogue|registry|records?)$/i;
const WITH_FIELDS = /^([^()]*?)\s*\((.*)\)$/;

// `products (name, price)` → Product with those fields; `invoice management` → Invoice.
function parseEntityItem(item: string, maxWords: number): EntityItem | undefined {
  const withFields = WITH_FIELDS.exec(item.trim());
  const head = stripDeterminers(stripGerund(withFields?.[1] ?? item).replace(QUANTITY, ''))
    .replace(MANAGEMENT, '')
    .toLowerCase();
  if (!isPlainPhrase(head, withFields === null ? maxWords : 3)) return undefined;
  const name = entityNameOf(head);
  if (name === undefined) return undefined;
  return { name, fields: withFields?.[2], plural: isPluralWord(head.split(' ').pop() ?? '') };
}

function parseAll(items: readonly string[], maxWords = 3): EntityItem[] | undefined {
  const parsed = items.map((i) => parseEntityItem(i, maxWords));
  return parsed.every((p) => p !== undefined) ? parsed : undefined;
}

function addEntities(draft: Draft, items: readonly EntityItem[]): void {
  for (const item of items) {
    ensureEntity(draft, item.name, item.fields === undefined ? Origin.listed : Origin.described);
    if (item.fields !== undefined) readFieldList(draft, item.name, item.fields, false);
  }
  draft.lastSubjects = items.map((i) => i.name);
}

// Every item names an entity (`books, members and loans`); false, and nothing added, otherwise.
export function readEntityList(draft: Draft, text: string): boolean {
  const items = parseAll(splitList(text));
  if (items === undefined || items.length === 0) return false;
  addEntities(draft, items);
  return true;
}

// Like `readEntityList`, but only for lists that look like entities: plural, or with fields.
export function readNounList(draft: Draft, text: string): boolean {
  const items = parseAll(splitList(text), 2);
  if (items === undefined || !items.some((i) => i.plural || i.fields !== undefined)) return false;
  addEntities(draft, items);
  return true;
}

// Whether every item of the list is a bare plural noun (`books and members`), i.e. a list of entities.
export function isEntityListText(text: string): boolean {
  const raw = splitList(text);
  const items = parseAll(raw);
  return items !== undefined && items.every((i) => i.plural) && raw.every((r) => !/^(?:an?|the)\s/i.test(r));
}

const APP_FOR =
  /^(?:(?:our|my|the|a|an)\s+)?(?:[a-z-]+\s+){0,4}?(?:needs?|wants?|would\s+like|is\s+looking\s+for|asks?\s+for)\s+(?:an?|the|one)\s+(?:[a-z-]+\s+){0,3}?(?:api|backend|back-end|system|app|application|service|database|tool|platform)\s+(?:for|to\s+(?:manage|track|store|handle|keep\s+track\s+of|record))\s+(.+)$/i;

/** `Our dental practice needs a backend for appointments and treatment records`: the entities listed. */
export function readAppFor(draft: Draft, sentence: string): boolean {
  const list = APP_FOR.exec(sentence.trim())?.[1];
  return list !== undefined && readNounList(draft, list);
}
