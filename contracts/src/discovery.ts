import { z } from 'zod';

/** An entity's name: PascalCase. */
export const PascalName = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'must be PascalCase, e.g. OrderItem');
/** A field's name: camelCase. */
export const CamelName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be camelCase, e.g. dueDate');

/** The types a field can have in a generated backend. `reference` names another entity by its id. */
export const FieldType = z.enum(['string', 'number', 'integer', 'boolean', 'date', 'email', 'reference']);
/** A field type. */
export type FieldType = z.infer<typeof FieldType>;

/** The words of the request an entity, a field or a relation was read from. */
const Source = z.string().min(1).max(500);

/**
 * A typed field of an entity. A `reference` field names the entity it points to; a string field with
 * `values` is an enum; a `unique` field refuses a value another record already has.
 */
export const EntityField = z
  .object({
    name: CamelName,
    type: FieldType,
    required: z.boolean().default(true),
    references: PascalName.optional(),
    values: z
      .array(z.string().trim().min(1, 'an enum value is not empty').max(100))
      .min(2, 'an enum has at least two values')
      .max(50, 'an enum has at most 50 values')
      .refine((v) => new Set(v).size === v.length, 'an enum value is listed twice')
      .optional(),
    unique: z.boolean().optional(),
    /** For a reference: deleting the record it names is refused while it does (`restrict`), or deletes it too (`cascade`). */
    onDelete: z.enum(['restrict', 'cascade']).optional(),
    description: z.string().default(''),
    source: Source.optional(),
  })
  .strict()
  .refine((f) => f.onDelete === undefined || f.type === 'reference', {
    message: 'only a reference field has `onDelete`',
    path: ['onDelete'],
  })
  .refine((f) => (f.type === 'reference') === (f.references !== undefined), {
    message: 'a reference field names `references`, and only a reference field does',
    path: ['references'],
  })
  .refine((f) => f.values === undefined || f.type === 'string', {
    message: 'only a string field has enum `values`',
    path: ['values'],
  })
  .refine((f) => f.unique !== true || (f.type !== 'boolean' && f.values === undefined), {
    message: 'a boolean or enum field cannot be unique',
    path: ['unique'],
  })
  .refine((f) => f.name !== 'id', {
    message: '`id` is made by the server; do not declare it',
    path: ['name'],
  });
/** A typed field of an entity. */
export type EntityField = z.infer<typeof EntityField>;

/** An entity (aggregate root) that gets its own collection in the generated API. */
export const Entity = z
  .object({
    name: PascalName,
    description: z.string().default(''),
    fields: z.array(EntityField).min(1, 'an entity needs at least one field'),
    source: Source.optional(),
  })
  .strict();
/** An entity. */
export type Entity = z.infer<typeof Entity>;

const Named = z.object({ name: z.string().min(1), description: z.string().default('') }).strict();

/**
 * What discovery understood of a request: the domain, its entities with typed fields and
 * references, and what it assumed or could not decide. Users may pass one with `mge run --spec FILE`.
 */
export const DiscoveryDocument = z
  .object({
    domain: z.string().min(1),
    summary: z.string().default(''),
    boundedContexts: z.array(Named.extend({ entities: z.array(PascalName) })).default([]),
    entities: z.array(Entity).min(1, 'name at least one entity'),
    valueObjects: z.array(Named).default([]),
    domainEvents: z.array(Named.extend({ entity: PascalName })).default([]),
    services: z.array(Named).default([]),
    assumptions: z.array(z.string()).default([]),
    openQuestions: z.array(z.string()).default([]),
    risks: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const names = new Set<string>();
    doc.entities.forEach((entity, i) => {
      if (names.has(entity.name)) {
        ctx.addIssue({
          code: 'custom',
          message: `entity ${entity.name} is declared twice`,
          path: ['entities', i, 'name'],
        });
      }
      names.add(entity.name);
      const fields = new Set<string>();
      entity.fields.forEach((field, j) => {
        if (fields.has(field.name)) {
          ctx.addIssue({
            code: 'custom',
            message: `field ${field.name} is declared twice`,
            path: ['entities', i, 'fields', j, 'name'],
          });
        }
        fields.add(field.name);
      });
    });
    doc.entities.forEach((entity, i) =>
      entity.fields.forEach((field, j) => {
        if (field.references !== undefined && !names.has(field.references)) {
          ctx.addIssue({
            code: 'custom',
            message: `references unknown entity ${field.references}`,
            path: ['entities', i, 'fields', j, 'references'],
          });
        }
      }),
    );
  });
/** A parsed DiscoveryDocument (defaults applied). */
export type DiscoveryDocument = z.infer<typeof DiscoveryDocument>;
/** A DiscoveryDocument as a user may write it (defaults optional). */
export type DiscoveryDocumentInput = z.input<typeof DiscoveryDocument>;
