import { atom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/store/snapshot.ts: every collection in one JSON file, written atomically. */
export function snapshotFile(): FileTemplate {
  return {
    ...INFRA.snapshot,
    kind: 'source',
    description:
      'Persistence: every collection in one JSON file, read at start, written atomically one write at a time',
    atoms: [
      atom(
        'type',
        'Snapshot',
        'Every collection by name',
        `
/** Every collection's records by collection name, as kept in the data file. */
export type Snapshot = Readonly<Record<string, readonly unknown[]>>;`,
      ),
      atom(
        'function',
        'isMissingFile',
        'Whether a file system error says the file does not exist',
        `
/** Whether a file system error says the file does not exist. */
export function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}`,
      ),
      atom(
        'function',
        'parseSnapshot',
        'Reads a snapshot from JSON text',
        `
/** Reads a snapshot from JSON text; anything but an object of arrays is refused, naming the file. */
export function parseSnapshot(text: string, file: string): Snapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(\`\${file} is not valid JSON\`);
  }
  if (!isPlainObject(value)) throw new Error(\`\${file} does not hold an object of collections\`);
  const snapshot: Record<string, unknown[]> = {};
  for (const [name, records] of Object.entries(value)) {
    if (!Array.isArray(records)) throw new Error(\`\${file}: collection \${name} is not an array\`);
    snapshot[name] = records;
  }
  return snapshot;
}`,
      ),
      atom(
        'function',
        'readSnapshot',
        'Loads the data file',
        `
/** Loads the data file; a file that does not exist yet is an empty snapshot. */
export async function readSnapshot(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return {};
    throw error;
  }
  return parseSnapshot(text, file);
}`,
      ),
      atom(
        'function',
        'writeFileAtomically',
        'Replaces a file by writing a temporary file and renaming it',
        `
/** Replaces a file in one step: write a temporary file beside it, then rename it over the old one. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const directory = dirname(file);
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, \`.\${basename(file)}.\${randomUUID()}.tmp\`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}`,
      ),
      atom(
        'function',
        'createSnapshotWriter',
        'A change listener that saves the collections',
        `
/** A change listener that saves the collections to \`file\`: one write at a time, each with the newest state. */
export function createSnapshotWriter(file: string, collect: () => Promise<Snapshot>): ChangeListener {
  let queue: Promise<void> = Promise.resolve();
  return () => {
    const write = queue.then(async () => writeFileAtomically(file, \`\${JSON.stringify(await collect(), null, 2)}\\n\`));
    // A failed write fails the request that caused it, not the writes after it.
    queue = write.catch(() => undefined);
    return write;
  };
}`,
      ),
      atom(
        'function',
        'restoreRecords',
        'Reads one collection of a snapshot, checking every record',
        `
/** One collection of a snapshot, each record checked against the rules, so a damaged file is caught at start. */
export function restoreRecords<T>(snapshot: Snapshot, collection: string, rules: FieldRules<T>): (T & Identified)[] {
  return (snapshot[collection] ?? []).map((value, index) => {
    const where = \`\${collection}[\${String(index)}] in the data file\`;
    const record: Record<string, unknown> = isPlainObject(value) ? value : {};
    const { id, ...fields } = record;
    if (typeof id !== 'string') throw new Error(\`\${where} has no string id\`);
    const result = validateCreate<T>(fields, rules);
    if (!result.ok) throw new Error(\`\${where}: \${result.message}\`);
    return { ...result.value, id };
  });
}`,
      ),
    ],
  };
}
