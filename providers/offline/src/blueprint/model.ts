import type { AtomKind, FieldType, PhaseId, TaskKind } from '@mge/contracts';

/** One top-level declaration of the generated project, before its needs are derived. */
export interface AtomTemplate {
  readonly symbol: string;
  readonly kind: AtomKind;
  readonly description: string;
  readonly code: string;
  /** Short id part for test atoms; other atoms use the kebab form of their symbol. */
  readonly slug?: string;
}

/** One target file of the generated project: one task of the plan. */
export interface FileTemplate {
  readonly taskId: string;
  readonly file: string;
  readonly kind: TaskKind;
  readonly description: string;
  readonly atoms: readonly AtomTemplate[];
}

/** A milestone with its files, in plan order. */
export interface MilestoneTemplate {
  readonly id: string;
  readonly phase: PhaseId;
  readonly name: string;
  readonly kind: 'infrastructure' | 'entity' | 'integration';
  readonly entity?: string;
  readonly description: string;
  readonly files: readonly FileTemplate[];
}

/** A reference field's target as the routes and tests of the referencing entity see it. */
export interface ReferenceModel {
  readonly entity: string;
  /** The repository key of the referenced collection (`projects`). */
  readonly depsKey: string;
  /** The referenced entity's type symbol (`Project`). */
  readonly typeName: string;
  /** The referenced entity's model file, when its type may be imported (not for a back edge of a cycle). */
  readonly modelFile: string | undefined;
  readonly self: boolean;
  /** The id of the record tests seed for it (`seed-project`). */
  readonly seedId: string;
  /** Lower-case words for messages (`project`). */
  readonly label: string;
}

/** A field of an entity with its reference resolved. */
export interface FieldModel {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly description: string;
  readonly reference: ReferenceModel | undefined;
  /** The allowed values of an enum field. */
  readonly values: readonly string[] | undefined;
  /** Whether no two records may share a value. */
  readonly unique: boolean;
}

/** A reference field of another entity (or the same one) that names this entity's records. */
export interface ReferrerModel {
  /** The referring entity (\`Task\`). */
  readonly entity: string;
  /** The referring entity's repository key (\`tasks\`) and collection (\`tasks\`). */
  readonly depsKey: string;
  readonly collection: string;
  /** The reference field (\`projectId\`). */
  readonly field: string;
  readonly self: boolean;
  /** Deleting the named record deletes this one too, rather than being refused. */
  readonly cascade: boolean;
}

/** Every project symbol an entity declares (a type alias, so it reads as a record of strings). */
export type EntityNames = {
  readonly type: string;
  readonly input: string;
  readonly rules: string;
  readonly deps: string;
  readonly checkReferences: string;
  readonly checkUnreferenced: string;
  readonly createHandler: string;
  readonly listHandler: string;
  readonly getHandler: string;
  readonly updateHandler: string;
  readonly deleteHandler: string;
  readonly register: string;
  readonly testDeps: string;
  readonly withServer: string;
  readonly validBody: string;
};

/** An entity with everything the templates need: names, paths, files and fields. */
export interface EntityModel {
  readonly name: string;
  readonly description: string;
  /** Lower-case words (`order item`) and their plural (`order items`). */
  readonly label: string;
  readonly pluralLabel: string;
  /** Collection name (`order-items`) and its path (`/order-items`). */
  readonly collection: string;
  readonly path: string;
  readonly kebab: string;
  /** Repository key (`orderItems`) and the variable holding one created id (`orderItemId`). */
  readonly depsKey: string;
  readonly idVariable: string;
  readonly milestoneId: string;
  readonly modelFile: string;
  readonly routesFile: string;
  readonly testFile: string;
  readonly names: EntityNames;
  readonly fields: readonly FieldModel[];
  /** Referenced entities, once each, self excluded, in field order. */
  readonly references: readonly ReferenceModel[];
  /** The reference fields naming this entity, in document order: a record they name cannot be deleted. */
  readonly referrers: readonly ReferrerModel[];
}
