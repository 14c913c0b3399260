import { arrayLiteral, atom, commentText, objectLiteral, str } from '../code.js';
import { entityTaskIds } from '../entities.js';
import type { EntityModel, FieldModel, FileTemplate } from '../model.js';
import { tsType } from '../samples.js';

/** How a field is described in its interface: the document's description, or what a reference names. */
function fieldComment(field: FieldModel): string {
  const parts = [field.description, field.reference === undefined ? '' : `id of a ${field.reference.label}`];
  const text = commentText(parts.filter((p) => p.trim() !== '').join('; '));
  return text === '' ? '' : ` // ${text}`;
}

/** The rule of one field as an object literal: its kind, whether required, its values, whether unique. */
function ruleLiteral(field: FieldModel): string {
  const entries: [string, string][] = [
    ['kind', str(field.type)],
    ['required', String(field.required)],
  ];
  if (field.values !== undefined) entries.push(['values', arrayLiteral(field.values.map((v) => str(v)))]);
  if (field.unique) entries.push(['unique', 'true']);
  return objectLiteral(entries, 1);
}

/** src/<collection>/<entity>.ts: the entity's types and field rules. */
export function entityModelFile(entity: EntityModel): FileTemplate {
  const { names } = entity;
  const members = entity.fields
    .map((f) => `  ${f.name}${f.required ? '' : '?'}: ${tsType(f)};${fieldComment(f)}`)
    .join('\n');
  const rules = entity.fields.map((f) => `  ${f.name}: ${ruleLiteral(f)},`).join('\n');
  const about = commentText(entity.description);
  return {
    taskId: entityTaskIds(entity).model,
    file: entity.modelFile,
    kind: 'source',
    description: `The ${entity.label} model: its fields, the stored record and the validation rules`,
    atoms: [
      atom(
        'interface',
        names.input,
        `The fields a client sends for a ${entity.label}`,
        `
/** The fields a client sends to create a ${entity.label}${about === '' ? '' : ` (${about})`}. */
export interface ${names.input} {
${members}
}`,
      ),
      atom(
        'interface',
        names.type,
        `A stored ${entity.label}`,
        `
/** A stored ${entity.label}: its fields and the id the server gave it. */
export interface ${names.type} extends ${names.input} {
  readonly id: string;
}`,
      ),
      atom(
        'const',
        names.rules,
        `How each field of a ${entity.label} is checked`,
        `
/** How each field of a ${entity.label} is checked. */
export const ${names.rules}: FieldRules<${names.input}> = {
${rules}
};`,
      ),
    ],
  };
}
