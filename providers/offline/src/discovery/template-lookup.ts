import { FieldType } from '@mge/contracts';
import type { FieldDraft } from './draft.js';
import { TEMPLATES, type Template } from './templates.js';

const SPEC = /^([a-z][A-Za-z0-9]*)(?::([a-z]+))?(\?)?$/;
const REFERENCE_SPEC = /^([a-z][A-Za-z0-9]*)>([A-Z][A-Za-z0-9]*)$/;

function fieldOfSpec(spec: string): FieldDraft {
  const reference = REFERENCE_SPEC.exec(spec);
  if (reference?.[1] !== undefined && reference[2] !== undefined) {
    const [, name, target] = reference;
    return { name, type: 'reference', required: true, references: target, description: '' };
  }
  const [, name = 'name', type = 'string', optional] = SPEC.exec(spec) ?? [];
  const parsed = FieldType.parse(type);
  return { name, type: parsed, required: optional === undefined && parsed !== 'boolean', description: '' };
}

export const fieldsOfSpec = (spec: string): FieldDraft[] => spec.split(',').map((s) => fieldOfSpec(s.trim()));

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

function positionIn(text: string, keyword: string): number {
  const match = new RegExp(`(?:^|[^a-z0-9-])${escape(keyword)}(?![a-z0-9-])`).exec(text);
  return match === null ? Infinity : match.index;
}

// The template whose keyword comes first in the text (lower-cased), if any.
export function templateIn(text: string): Template | undefined {
  const lower = text.toLowerCase();
  let best: { template: Template; at: number } | undefined;
  for (const template of TEMPLATES) {
    const at = Math.min(...template.keywords.map((k) => positionIn(lower, k)));
    if (at < (best?.at ?? Infinity)) best = { template, at };
  }
  return best?.template;
}

// The default fields of an entity some template declares, without references to absent entities.
export function defaultFieldsOf(entity: string, present: ReadonlySet<string>): FieldDraft[] {
  const spec = TEMPLATES.flatMap((t) => t.entities).find(([name]) => name === entity)?.[1];
  if (spec === undefined) return [];
  return fieldsOfSpec(spec).filter((f) => f.references === undefined || present.has(f.references));
}

export const isTemplateEntity = (entity: string): boolean =>
  TEMPLATES.some((t) => t.entities.some(([name]) => name === entity));
