import { atom, str } from '../code.js';
import { entityTaskIds, referrerLookups } from '../entities.js';
import type { AtomTemplate, EntityModel, FieldModel, FileTemplate, ReferrerModel } from '../model.js';

/** The dependencies interface: the entity's own repository and one per referenced collection. */
function depsAtom(entity: EntityModel): AtomTemplate {
  const { names } = entity;
  const referring = referrerLookups(entity);
  const referenced = new Set(entity.references.map((r) => r.depsKey));
  const lookup = (key: string): string => {
    const extra = referring.get(key);
    return extra === undefined ? '' : ` & ${extra}`;
  };
  const lines = [
    `  readonly ${entity.depsKey}: Repository<${names.type}>;`,
    ...entity.references.map((r) =>
      r.modelFile !== undefined
        ? `  readonly ${r.depsKey}: Repository<${r.typeName}>;`
        : `  readonly ${r.depsKey}: RecordLookup${lookup(r.depsKey)};`,
    ),
    ...[...referring]
      .filter(([key]) => !referenced.has(key))
      .map(([key, type]) => `  readonly ${key}: ${type};`),
  ];
  const parts = [
    `the ${entity.pluralLabel}`,
    ...(entity.references.length === 0 ? [] : ['the collections their references must name']),
    ...(referring.size === 0 ? [] : ['the collections whose references name them']),
  ];
  const what = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return atom(
    'interface',
    names.deps,
    `What the ${entity.label} routes need`,
    `
/** What the ${entity.label} routes need: ${what}. */
export interface ${names.deps} {
${lines.join('\n')}
}`,
  );
}

/** The reference check, for an entity with reference fields. */
function checkReferencesAtom(entity: EntityModel): AtomTemplate | undefined {
  const refs = entity.fields.filter((f) => f.reference !== undefined);
  if (refs.length === 0) return undefined;
  const { names } = entity;
  const call = (f: FieldModel): string => {
    const repository = f.reference!.self ? entity.depsKey : f.reference!.depsKey;
    return `referenceIssue(${str(f.name)}, input.${f.name}, deps.${repository}, ${str(f.reference!.label)})`;
  };
  const lookups =
    refs.length === 1
      ? `  const issue = await ${call(refs[0]!)};\n  rejectIssues('unknown references', [issue]);`
      : `  const issues = await Promise.all([\n${refs.map((f) => `    ${call(f)},`).join('\n')}\n  ]);\n` +
        `  rejectIssues('unknown references', issues);`;
  const params = `input: Partial<${names.input}>, deps: ${names.deps}`;
  const head = `export async function ${names.checkReferences}(${params}): Promise<void> {`;
  const signature =
    head.length <= 110
      ? head
      : `export async function ${names.checkReferences}(\n  input: Partial<${names.input}>,\n  deps: ${names.deps},\n): Promise<void> {`;
  return atom(
    'function',
    names.checkReferences,
    `Refuses references to ${entity.label} fields that name no record`,
    `
/** Refuses (400) references that name no existing record. */
${signature}
${lookups}
}`,
  );
}

/** A filter a client might send, for the list handler's comment: a reference when there is one. */
const filterExample = (entity: EntityModel): string => {
  const field = entity.fields.find((f) => f.reference !== undefined) ?? entity.fields[0]!;
  return `${field.name}=...`;
};

/** The check that no reference still names a record about to be deleted, for an entity that is referenced. */
function checkUnreferencedAtom(entity: EntityModel): AtomTemplate | undefined {
  const restricting = entity.referrers.filter((r) => !r.cascade);
  if (restricting.length === 0) return undefined;
  const { names } = entity;
  const calls = restricting.map(
    (r) => `referrerIssue(deps.${r.depsKey}, ${str(r.collection)}, ${str(r.field)}, id)`,
  );
  const lookups =
    calls.length === 1
      ? `  const issue = await ${calls[0]!};\n  rejectReferenced(${str(entity.label)}, id, [issue]);`
      : `  const issues = await Promise.all([\n${calls.map((c) => `    ${c},`).join('\n')}\n  ]);\n` +
        `  rejectReferenced(${str(entity.label)}, id, issues);`;
  const named = restricting.map((r) => `${r.collection}.${r.field}`).join(', ');
  return atom(
    'function',
    names.checkUnreferenced,
    `Refuses to delete a ${entity.label} that references still name`,
    `
/** Refuses (409) to delete a ${entity.label} while ${named} still names it. */
export async function ${names.checkUnreferenced}(id: string, deps: ${names.deps}): Promise<void> {
${lookups}
}`,
  );
}

/** The lines of a delete handler that delete the records naming the one deleted, when any cascade. */
function cascadeLines(entity: EntityModel, repo: string): string {
  const cascading = entity.referrers.filter((r) => r.cascade);
  if (cascading.length === 0) return '';
  const own = (r: ReferrerModel): string => (r.self ? entity.depsKey : r.depsKey);
  return [
    `\n    if ((await ${repo}.get(id)) === undefined) throw notFound(${str(entity.label)}, id);`,
    ...cascading.map((r) => `\n    await removeReferrers(deps.${own(r)}, ${str(r.field)}, id);`),
  ].join('');
}

/** src/<collection>/<entity>-routes.ts: the five handlers and their registration. */
export function entityRoutesFile(entity: EntityModel): FileTemplate {
  const { names, label, path } = entity;
  const repo = `deps.${entity.depsKey}`;
  const check = checkReferencesAtom(entity);
  const unreferenced = checkUnreferencedAtom(entity);
  const checkCall = (value: string): string =>
    check === undefined ? '' : `\n    await ${names.checkReferences}(${value}, deps);`;
  const atoms: AtomTemplate[] = [
    depsAtom(entity),
    ...(check === undefined ? [] : [check]),
    ...(unreferenced === undefined ? [] : [unreferenced]),
    atom(
      'function',
      names.createHandler,
      `POST ${path}`,
      `
/** POST ${path}: checks the body${check === undefined ? '' : ' and its references'}, then stores a new ${label} with a fresh id. */
export function ${names.createHandler}(deps: ${names.deps}): RouteHandler {
  return async (request) => {
    const input = requireValid(validateCreate<${names.input}>(request.body, ${names.rules}));${checkCall('input')}
    const record: ${names.type} = { id: randomUUID(), ...input };
    return { status: 201, body: await ${repo}.create(record) };
  };
}`,
    ),
    atom(
      'function',
      names.listHandler,
      `GET ${path}`,
      `
/** GET ${path}: a page of ${entity.pluralLabel}, filtered by field (\`?${filterExample(entity)}\`), sorted (\`?sort=-field\`), paged (\`?limit=&offset=\`). */
export function ${names.listHandler}(deps: ${names.deps}): RouteHandler {
  return async (request) => {
    const query = parseListQuery(request.query, ${names.rules});
    return { status: 200, body: pageOf(await ${repo}.list(), query) };
  };
}`,
    ),
    atom(
      'function',
      names.getHandler,
      `GET ${path}/:id`,
      `
/** GET ${path}/:id: one ${label}, or 404. */
export function ${names.getHandler}(deps: ${names.deps}): RouteHandler {
  return async (request) => {
    const id = routeParam(request, 'id');
    const record = await ${repo}.get(id);
    if (record === undefined) throw notFound(${str(label)}, id);
    return { status: 200, body: record };
  };
}`,
    ),
    atom(
      'function',
      names.updateHandler,
      `PATCH ${path}/:id`,
      `
/** PATCH ${path}/:id: changes the fields given (each checked like on create), or 404. */
export function ${names.updateHandler}(deps: ${names.deps}): RouteHandler {
  return async (request) => {
    const id = routeParam(request, 'id');
    const changes = requireValid(validatePatch<${names.input}>(request.body, ${names.rules}));${checkCall('changes')}
    const record = await ${repo}.update(id, changes);
    if (record === undefined) throw notFound(${str(label)}, id);
    return { status: 200, body: record };
  };
}`,
    ),
    atom(
      'function',
      names.deleteHandler,
      `DELETE ${path}/:id`,
      `
/** DELETE ${path}/:id: removes the ${label} (204), or 404${unreferenced === undefined ? '' : '; 409 while a reference names it'}${
        entity.referrers.some((r) => r.cascade)
          ? `; also deletes the ${entity.referrers
              .filter((r) => r.cascade)
              .map((r) => r.collection)
              .join(' and ')} naming it`
          : ''
      }. */
export function ${names.deleteHandler}(deps: ${names.deps}): RouteHandler {
  return async (request) => {
    const id = routeParam(request, 'id');${unreferenced === undefined ? '' : `\n    await ${names.checkUnreferenced}(id, deps);`}${cascadeLines(entity, repo)}
    if (!(await ${repo}.remove(id))) throw notFound(${str(label)}, id);
    return { status: 204 };
  };
}`,
    ),
    atom(
      'function',
      names.register,
      `Adds the ${path} routes`,
      `
/** Adds the ${label} routes: ${path} and ${path}/:id. */
export function ${names.register}(router: Router, deps: ${names.deps}): void {
  router.add('POST', ${str(path)}, ${names.createHandler}(deps));
  router.add('GET', ${str(path)}, ${names.listHandler}(deps));
  router.add('GET', ${str(`${path}/:id`)}, ${names.getHandler}(deps));
  router.add('PATCH', ${str(`${path}/:id`)}, ${names.updateHandler}(deps));
  router.add('DELETE', ${str(`${path}/:id`)}, ${names.deleteHandler}(deps));
}`,
    ),
  ];
  return {
    taskId: entityTaskIds(entity).routes,
    file: entity.routesFile,
    kind: 'source',
    description: `The ${label} routes: create, list, get, update and delete at ${path}`,
    atoms,
  };
}
