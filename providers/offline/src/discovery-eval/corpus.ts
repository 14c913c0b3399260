import { CamelName, FieldType, formatIssues, PascalName } from '@mge/contracts';
import { ValidationFailure } from '@mge/kit/errors';
import { parseDocument } from 'yaml';
import { z } from 'zod';

/** A field as a careful reader would take it from the request. */
export const ExpectedField = z
  .object({
    name: CamelName,
    type: FieldType.exclude(['reference']),
    required: z.boolean().default(true),
    values: z.array(z.string().min(1)).min(2, 'an enum has at least two values').optional(),
    unique: z.boolean().default(false),
  })
  .strict();
/** An expected field. */
export type ExpectedField = z.infer<typeof ExpectedField>;

/** A relation: `from` holds a reference to `to`, or, many-to-many, a join entity references both. */
export const ExpectedRelation = z
  .object({
    from: PascalName,
    to: PascalName,
    kind: z.enum(['many-to-one', 'many-to-many']).default('many-to-one'),
  })
  .strict();
/** An expected relation. */
export type ExpectedRelation = z.infer<typeof ExpectedRelation>;

/** One labelled request: the words as written and the model they describe. */
export const CorpusEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'),
    domain: z.string().min(1),
    style: z.string().min(1),
    request: z.string().trim().min(1),
    entities: z
      .array(
        z
          .object({ name: PascalName, fields: z.array(ExpectedField) })
          .strict()
          .refine((e) => new Set(e.fields.map((f) => f.name)).size === e.fields.length, {
            message: 'a field is listed twice',
            path: ['fields'],
          }),
      )
      .min(1),
    relations: z.array(ExpectedRelation).default([]),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const names = new Set(entry.entities.map((e) => e.name));
    if (names.size !== entry.entities.length) {
      ctx.addIssue({ code: 'custom', message: 'an entity is listed twice', path: ['entities'] });
    }
    entry.relations.forEach((r, i) => {
      for (const side of ['from', 'to'] as const) {
        if (!names.has(r[side])) {
          ctx.addIssue({
            code: 'custom',
            message: `${r[side]} is not a listed entity`,
            path: ['relations', i, side],
          });
        }
      }
    });
  });
/** A labelled request. */
export type CorpusEntry = z.infer<typeof CorpusEntry>;

/** Reads one corpus file (a YAML list of entries); the error names the file, the entry and the field. */
export function parseCorpus(text: string, file: string): CorpusEntry[] {
  const doc = parseDocument(text, { prettyErrors: false });
  const [syntax] = doc.errors;
  if (syntax !== undefined) throw new ValidationFailure(`${file} is not YAML`, [syntax.message]);
  const parsed = z.array(CorpusEntry).safeParse(doc.toJS());
  if (!parsed.success)
    throw new ValidationFailure(`${file} is not a discovery corpus`, formatIssues(parsed.error));
  return parsed.data;
}

/** Entries from several files, refusing an id given twice. */
export function joinCorpora(
  files: ReadonlyArray<{ readonly file: string; readonly entries: readonly CorpusEntry[] }>,
): CorpusEntry[] {
  const seen = new Map<string, string>();
  for (const { file, entries } of files) {
    for (const entry of entries) {
      const earlier = seen.get(entry.id);
      if (earlier !== undefined) throw new ValidationFailure(`${file}: id ${entry.id} is also in ${earlier}`);
      seen.set(entry.id, file);
    }
  }
  return files.flatMap((f) => f.entries);
}
