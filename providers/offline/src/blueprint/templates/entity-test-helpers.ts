import { arrayLiteral, atom, indent, objectLiteral, str } from '../code.js';
import { referrerLookups } from '../entities.js';
import type { AtomTemplate, EntityModel, FieldModel, ReferenceModel } from '../model.js';
import { literal, sampleValue, seedValue } from '../samples.js';

/** A record that passes the entity's rules, as an object literal (references name seeded ids). */
export function sampleLiteral(fields: readonly FieldModel[], level: number): string {
  return objectLiteral(
    fields.map((f) => [f.name, literal(sampleValue(f))] as const),
    level,
  );
}

/** A seeded record with its id; its unique fields hold values no test body uses. */
function seedLiteral(fields: readonly FieldModel[], id: string, level: number): string {
  const entries = fields.map((f) => [f.name, literal(f.unique ? seedValue(f) : sampleValue(f))] as const);
  return objectLiteral([['id', str(id)], ...entries], level);
}

/** The unique fields of an entity as the last argument of createMemoryRepository, when it has any. */
export function uniqueArgument(entity: EntityModel): string[] {
  const unique = entity.fields.filter((f) => f.unique).map((f) => str(f.name));
  return unique.length === 0 ? [] : [arrayLiteral(unique)];
}

/** A repository holding `record` (or none), written as `createMemoryRepository<T>([record])`. */
function repositoryWith(
  typeName: string,
  record: string | undefined,
  unique: readonly string[] = [],
): string {
  const call = `createMemoryRepository<${typeName}>`;
  if (unique.length > 0) {
    const initial = record === undefined ? '[]' : `[${record}]`;
    const oneLine = `${call}(${initial}, ignoreChange, ${unique.join(', ')})`;
    if (oneLine.length <= 80 && !oneLine.includes('\n')) return oneLine;
    return `${call}(\n      ${initial},\n      ignoreChange,\n      ${unique.join(', ')},\n    )`;
  }
  if (record === undefined) return `${call}()`;
  const oneLine = `${call}([${record}])`;
  if (oneLine.length <= 80 && !record.includes('\n')) return oneLine;
  return `${call}([\n      ${record},\n    ])`;
}

/** The seeded repository of a referenced collection: one record with the seed id. */
export function seededRepository(
  reference: ReferenceModel,
  entities: ReadonlyMap<string, EntityModel>,
): string {
  const target = entities.get(reference.entity);
  if (reference.modelFile === undefined || target === undefined) {
    return repositoryWith('Identified', `{ id: ${str(reference.seedId)} }`);
  }
  return repositoryWith(reference.typeName, seedLiteral(target.fields, reference.seedId, 3));
}

/** The helpers of an entity's test file: repositories, a server per test and a valid body. */
export function entityTestHelpers(
  entity: EntityModel,
  entities: ReadonlyMap<string, EntityModel>,
): AtomTemplate[] {
  const { names, label } = entity;
  const selfReference = entity.fields.find((f) => f.reference?.self === true)?.reference;
  const seed = selfReference === undefined ? undefined : seedLiteral(entity.fields, selfReference.seedId, 3);
  const own = repositoryWith(names.type, seed, uniqueArgument(entity));
  const referenced = new Set(entity.references.map((r) => r.depsKey));
  const referring = new Set([...referrerLookups(entity).keys()].filter((key) => !referenced.has(key)));
  const repositories = [
    `    ${entity.depsKey}: ${own},`,
    ...entity.references.map((r) => `    ${r.depsKey}: ${seededRepository(r, entities)},`),
    ...[...referring].map((key) => `    ${key}: createMemoryRepository<Identified>(),`),
  ];
  const seeded = entity.references.length + (selfReference === undefined ? 0 : 1) > 0;
  return [
    atom(
      'function',
      names.testDeps,
      `Fresh repositories for one ${label} test`,
      `
/** Fresh repositories for one test${seeded ? '; referenced collections hold one seeded record' : ''}${referring.size > 0 ? '; referring ones start empty' : ''}. */
export function ${names.testDeps}(): ${names.deps} {
  return {
${repositories.join('\n')}
  };
}`,
    ),
    atom(
      'function',
      names.withServer,
      `Runs a test against a server with the ${label} routes`,
      `
/** Runs \`run\` against a server with the ${label} routes only (no app needed), then closes it. */
export function ${names.withServer}<T>(run: (url: string) => Promise<T>): Promise<T> {
  return serveRoutes((router) => {
    ${names.register}(router, ${names.testDeps}());
  }, run);
}`,
    ),
    atom(
      'function',
      names.validBody,
      `A ${label} body that passes every rule`,
      `
/** A ${label} body that passes every rule, optional fields included. */
export function ${names.validBody}(): ${names.input} {
  return ${sampleLiteral(entity.fields, 1)};
}`,
    ),
  ];
}

/** A test body run against the entity's own server. */
export const withServer = (entity: EntityModel, body: string): string =>
  `await ${entity.names.withServer}(async (url) => {\n${indent(body.replace(/^\n/, ''), 1)}\n});`;
