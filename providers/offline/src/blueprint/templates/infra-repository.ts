import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/store/repository.ts: the repository interface and its in-memory implementation. */
export function repositoryFile(): FileTemplate {
  return {
    ...INFRA.repository,
    kind: 'source',
    description:
      'Repositories: the Repository<T> interface, an in-memory implementation and reference checks',
    atoms: [
      atom(
        'interface',
        'Identified',
        'A stored record with its server-made id',
        `
/** A stored record: the server gives each one a string id. */
export interface Identified {
  readonly id: string;
}`,
      ),
      atom(
        'interface',
        'Repository',
        'A collection of records',
        `
/** A collection of records; asynchronous, so a database could stand behind it. */
export interface Repository<T extends Identified> {
  list(): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  create(record: T): Promise<T>;
  update(id: string, changes: Partial<T>): Promise<T | undefined>;
  remove(id: string): Promise<boolean>;
}`,
      ),
      atom(
        'type',
        'RecordLookup',
        'Just enough of a repository to check a reference',
        `
/** Just enough of a repository to check that a referenced record exists. */
export type RecordLookup = Pick<Repository<Identified>, 'get'>;`,
      ),
      atom(
        'type',
        'CascadeLookup',
        'Just enough of a repository to delete the records naming another',
        `
/** Just enough of a repository to find and delete the records whose reference names another record. */
export type CascadeLookup = Pick<Repository<Identified>, 'list' | 'remove'>;`,
      ),
      atom(
        'type',
        'ReferrerLookup',
        'Just enough of a repository to find the records naming another',
        `
/** Just enough of a repository to find the records whose reference names another record. */
export type ReferrerLookup = Pick<Repository<Identified>, 'list'>;`,
      ),
      atom(
        'type',
        'ChangeListener',
        'Called after every change',
        `
/** Called after every change to a repository, e.g. to save the collections; the change waits for it. */
export type ChangeListener = () => Promise<void>;`,
      ),
      atom(
        'const',
        'ignoreChange',
        'A change listener that does nothing',
        `
/** A change listener that does nothing: data kept in memory only. */
export const ignoreChange: ChangeListener = async () => {};`,
      ),
      atom(
        'class',
        'DuplicateValueError',
        'A write refused for a unique value another record has',
        `
/** A write refused because another record already has the value of one of its unique fields. */
export class DuplicateValueError extends Error {
  readonly fields: readonly string[];

  constructor(fields: readonly string[]) {
    super(\`already taken by another record: \${fields.join(', ')}\`);
    this.name = 'DuplicateValueError';
    this.fields = fields;
  }
}`,
      ),
      atom(
        'function',
        'refuseDuplicates',
        'Throws when a unique value is taken',
        `
/** Throws DuplicateValueError when a record other than \`record\` has the value of one of its \`unique\` fields. */
export function refuseDuplicates<T extends Identified>(
  records: ReadonlyMap<string, T>,
  record: T,
  unique: readonly (keyof T & string)[],
): void {
  const taken = unique.filter(
    (field) =>
      record[field] !== undefined &&
      [...records.values()].some((other) => other.id !== record.id && other[field] === record[field]),
  );
  if (taken.length > 0) throw new DuplicateValueError(taken);
}`,
      ),
      atom(
        'function',
        'insertRecord',
        'Stores a new record',
        `
/** Stores a new record and reports the change; refused when it repeats a unique value. */
export async function insertRecord<T extends Identified>(
  records: Map<string, T>,
  record: T,
  changed: ChangeListener,
  unique: readonly (keyof T & string)[] = [],
): Promise<T> {
  refuseDuplicates(records, record, unique);
  records.set(record.id, record);
  await changed();
  return record;
}`,
      ),
      atom(
        'function',
        'updateRecord',
        'Applies changes to a stored record',
        `
/** Applies changes to a stored record (its id never changes); undefined when there is no such record. */
export async function updateRecord<T extends Identified>(
  records: Map<string, T>,
  id: string,
  changes: Partial<T>,
  changed: ChangeListener,
  unique: readonly (keyof T & string)[] = [],
): Promise<T | undefined> {
  const current = records.get(id);
  if (current === undefined) return undefined;
  const next: T = { ...current, ...changes, id };
  refuseDuplicates(records, next, unique);
  records.set(id, next);
  await changed();
  return next;
}`,
      ),
      atom(
        'function',
        'removeRecord',
        'Removes a stored record',
        `
/** Removes a stored record; false when there was none. */
export async function removeRecord<T extends Identified>(
  records: Map<string, T>,
  id: string,
  changed: ChangeListener,
): Promise<boolean> {
  if (!records.delete(id)) return false;
  await changed();
  return true;
}`,
      ),
      atom(
        'function',
        'createMemoryRepository',
        'A repository kept in a Map',
        `
/**
 * A repository kept in a Map, starting from \`initial\`; \`changed\` runs after every change, and no two
 * records share a value of a \`unique\` field (checked and stored in one step, so no request slips between).
 */
export function createMemoryRepository<T extends Identified>(
  initial: readonly T[] = [],
  changed: ChangeListener = ignoreChange,
  unique: readonly (keyof T & string)[] = [],
): Repository<T> {
  const records = new Map<string, T>(initial.map((record) => [record.id, record]));
  return {
    list: () => Promise.resolve([...records.values()]),
    get: (id) => Promise.resolve(records.get(id)),
    create: (record) => insertRecord(records, record, changed, unique),
    update: (id, changes) => updateRecord(records, id, changes, changed, unique),
    remove: (id) => removeRecord(records, id, changed),
  };
}`,
      ),
      atom(
        'function',
        'referenceIssue',
        'An issue when a reference names no record',
        `
/** An issue when \`id\` is given but names no record in \`records\`; \`what\` names the kind of record. */
export async function referenceIssue(
  field: string,
  id: string | undefined,
  records: RecordLookup,
  what: string,
): Promise<FieldIssue | undefined> {
  if (id === undefined || (await records.get(id)) !== undefined) return undefined;
  return { field, message: \`must be the id of an existing \${what}\` };
}`,
      ),
      atom(
        'function',
        'referrerIssue',
        'An issue when records still name a record',
        `
/** An issue naming \`collection.field\` when records of \`records\` still name \`id\` there. */
export async function referrerIssue(
  records: ReferrerLookup,
  collection: string,
  field: string,
  id: string,
): Promise<FieldIssue | undefined> {
  const count = (await records.list()).filter((record) => Reflect.get(record, field) === id).length;
  if (count === 0) return undefined;
  return { field: \`\${collection}.\${field}\`, message: \`still names it in \${String(count)} \${count === 1 ? 'record' : 'records'}\` };
}`,
      ),
      atom(
        'function',
        'removeReferrers',
        'Deletes the records naming a record',
        `
/** Deletes the records of \`records\` whose \`field\` names \`id\` (a cascading delete); resolves with how many. */
export async function removeReferrers(records: CascadeLookup, field: string, id: string): Promise<number> {
  const named = (await records.list()).filter((record) => Reflect.get(record, field) === id);
  for (const record of named) await records.remove(record.id);
  return named.length;
}`,
      ),
    ],
  };
}
