import type { DiscoveryDocument, Entity } from '@mge/contracts';
import { collectionName, pluralCamel, toCamelCase, toKebabCase, toPascalCase, words } from '@mge/contracts';
import type { EntityModel, EntityNames, FieldModel, ReferenceModel, ReferrerModel } from './model.js';

/** Entities with the ones they reference first (document order otherwise); a cycle is cut at its first entity. */
export function orderEntities(entities: readonly Entity[]): Entity[] {
  const placed = new Set<string>();
  const ordered: Entity[] = [];
  const remaining = [...entities];
  const ready = (entity: Entity): boolean =>
    entity.fields.every(
      (f) => f.references === undefined || f.references === entity.name || placed.has(f.references),
    );
  while (remaining.length > 0) {
    const index = Math.max(0, remaining.findIndex(ready));
    const [next] = remaining.splice(index, 1);
    placed.add(next!.name);
    ordered.push(next!);
  }
  return ordered;
}

/** The symbols of an entity whose names derive from `base` (`User`, or `UserRecord` when `User` is taken). */
export function entityNames(base: string): EntityNames {
  const camel = toCamelCase(base);
  return {
    type: base,
    input: `${base}Input`,
    rules: `${camel}Rules`,
    deps: `${base}RouteDeps`,
    checkReferences: `check${base}References`,
    checkUnreferenced: `check${base}Unreferenced`,
    createHandler: `create${base}Handler`,
    listHandler: `list${toPascalCase(collectionName(base))}Handler`,
    getHandler: `get${base}Handler`,
    updateHandler: `update${base}Handler`,
    deleteHandler: `delete${base}Handler`,
    register: `register${base}Routes`,
    testDeps: `${camel}TestDeps`,
    withServer: `with${base}Server`,
    validBody: `valid${base}Body`,
  };
}

/** Picks each entity's names so no symbol is declared twice or shadows a fixed or global name. */
export function chooseNames(
  entities: readonly Entity[],
  reserved: ReadonlySet<string>,
): Map<string, EntityNames> {
  const taken = new Set(reserved);
  const chosen = new Map<string, EntityNames>();
  for (const entity of entities) {
    const candidates = ['', 'Record', 'Entity', 'Item', 'Model'].map((suffix) =>
      entityNames(`${entity.name}${suffix}`),
    );
    const names = candidates.find((c) => Object.values(c).every((symbol) => !taken.has(symbol)));
    if (names === undefined)
      throw new Error(`cannot name the symbols of entity ${entity.name} without a clash`);
    for (const symbol of Object.values(names)) taken.add(symbol);
    chosen.set(entity.name, names);
  }
  return chosen;
}

/** Milestone id of an entity, kept clear of the shared milestones' ids. */
const milestoneIdOf = (kebab: string): string =>
  kebab === 'infra' || kebab === 'integration' ? `m-entity-${kebab}` : `m-${kebab}`;

/** The entities of a document, ordered, named and with their references resolved. */
export function buildEntityModels(doc: DiscoveryDocument, reserved: ReadonlySet<string>): EntityModel[] {
  const ordered = orderEntities(doc.entities);
  const names = chooseNames(doc.entities, reserved);
  const position = new Map(ordered.map((e, i) => [e.name, i]));
  const collections = new Map<string, string>();
  return ordered.map((entity) => {
    const collection = collectionName(entity.name);
    const clash = collections.get(collection);
    if (clash !== undefined)
      throw new Error(`entities ${clash} and ${entity.name} share the collection /${collection}`);
    collections.set(collection, entity.name);
    const referenceOf = (target: string): ReferenceModel => {
      const self = target === entity.name;
      const earlier = (position.get(target) ?? 0) < (position.get(entity.name) ?? 0);
      return {
        entity: target,
        depsKey: pluralCamel(target),
        typeName: names.get(target)!.type,
        modelFile: self || earlier ? modelFileOf(target) : undefined,
        self,
        seedId: `seed-${toKebabCase(target)}`,
        label: words(target).join(' '),
      };
    };
    const fields: FieldModel[] = entity.fields.map((f) => ({
      name: f.name,
      type: f.type,
      required: f.required,
      description: f.description,
      reference: f.references === undefined ? undefined : referenceOf(f.references),
      values: f.values,
      unique: f.unique === true,
    }));
    const targets = [
      ...new Set(entity.fields.flatMap((f) => (f.references === undefined ? [] : [f.references]))),
    ];
    const kebab = toKebabCase(entity.name);
    return {
      name: entity.name,
      description: entity.description,
      label: words(entity.name).join(' '),
      pluralLabel: words(collection).join(' '),
      collection,
      path: `/${collection}`,
      kebab,
      depsKey: pluralCamel(entity.name),
      idVariable: `${toCamelCase(entity.name)}Id`,
      milestoneId: milestoneIdOf(kebab),
      modelFile: modelFileOf(entity.name),
      routesFile: `src/${collection}/${kebab}-routes.ts`,
      testFile: `src/${collection}/${collection}.test.ts`,
      names: names.get(entity.name)!,
      fields,
      references: targets.filter((t) => t !== entity.name).map(referenceOf),
      referrers: referrersOf(doc.entities, entity.name),
    };
  });
}

/** The reference fields of every entity that name `target`. */
function referrersOf(entities: readonly Entity[], target: string): ReferrerModel[] {
  return entities.flatMap((e) =>
    e.fields
      .filter((f) => f.references === target)
      .map((f) => ({
        entity: e.name,
        depsKey: pluralCamel(e.name),
        collection: collectionName(e.name),
        field: f.name,
        self: e.name === target,
        cascade: f.onDelete === 'cascade',
      })),
  );
}

function modelFileOf(entity: string): string {
  return `src/${collectionName(entity)}/${toKebabCase(entity)}.ts`;
}

/**
 * The other collections whose references name an entity, each with the repository type its routes
 * need to see them: `CascadeLookup` when any of their references cascades, else `ReferrerLookup`.
 */
export function referrerLookups(entity: EntityModel): Map<string, 'CascadeLookup' | 'ReferrerLookup'> {
  const lookups = new Map<string, 'CascadeLookup' | 'ReferrerLookup'>();
  for (const r of entity.referrers.filter((x) => !x.self)) {
    if (lookups.get(r.depsKey) !== 'CascadeLookup') {
      lookups.set(r.depsKey, r.cascade ? 'CascadeLookup' : 'ReferrerLookup');
    }
  }
  return lookups;
}

/** Task ids of an entity's files. */
export const entityTaskIds = (entity: Pick<EntityModel, 'kebab'>) => ({
  model: `${entity.kebab}-model`,
  routes: `${entity.kebab}-routes`,
  tests: `${entity.kebab}-tests`,
});
