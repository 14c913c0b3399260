import { atom, testAtom } from '../code.js';
import { INFRA } from '../layout.js';
import type { FileTemplate } from '../model.js';

/** src/store/store.test.ts: the memory repository, the data file and restoring records. */
export function storeTestFile(): FileTemplate {
  return {
    ...INFRA.storeTest,
    kind: 'test',
    description:
      'Tests of the store: memory repository, change listeners, atomic snapshot file, restoring records',
    atoms: [
      atom(
        'interface',
        'StoreSample',
        'A record for the store tests',
        `
/** A record for the store tests. */
export interface StoreSample extends Identified {
  name: string;
}`,
      ),
      atom(
        'const',
        'storeSampleRules',
        'Rules of the store sample',
        `
/** The rules of the store sample's fields. */
export const storeSampleRules: FieldRules<Omit<StoreSample, 'id'>> = { name: { kind: 'string', required: true } };`,
      ),
      testAtom(
        'store: a memory repository creates, reads, updates and removes',
        'memory-crud',
        `
const repository = createMemoryRepository<StoreSample>();
await repository.create({ id: 'a', name: 'first' });
deepEqual(await repository.get('a'), { id: 'a', name: 'first' });
deepEqual(await repository.update('a', { name: 'second' }), { id: 'a', name: 'second' });
deepEqual(await repository.list(), [{ id: 'a', name: 'second' }]);
equal(await repository.remove('a'), true);
equal(await repository.remove('a'), false);
equal(await repository.update('a', { name: 'third' }), undefined);
equal(await repository.get('a'), undefined);`,
      ),
      testAtom(
        'store: a memory repository reports each change',
        'changes',
        `
let changes = 0;
const repository = createMemoryRepository<StoreSample>([{ id: 'a', name: 'first' }], () => {
  changes += 1;
  return Promise.resolve();
});
await repository.create({ id: 'b', name: 'second' });
await repository.update('a', { name: 'renamed' });
await repository.update('missing', { name: 'none' });
await repository.remove('b');
await repository.remove('b');
equal(changes, 3);`,
      ),
      testAtom(
        'store: the data file is replaced atomically and keeps the newest state',
        'atomic-writes',
        `
const data = newTestDataFile('store');
try {
  let version = 0;
  const save = createSnapshotWriter(data.file, () => Promise.resolve({ samples: [{ id: 'a', version: ++version }] }));
  await Promise.all([save(), save(), save()]);
  deepEqual(await readSnapshot(data.file), { samples: [{ id: 'a', version: 3 }] });
  const leftovers = (await readdir(dirname(data.file))).filter((name) => name.endsWith('.tmp'));
  deepEqual(leftovers, []);
} finally {
  await data.remove();
}`,
      ),
      testAtom(
        'store: a missing data file reads as an empty snapshot',
        'missing-file',
        `
deepEqual(await readSnapshot(newTestDataFile('missing').file), {});`,
      ),
      testAtom(
        'store: a data file that is not a snapshot is refused',
        'bad-file',
        `
const data = newTestDataFile('bad');
try {
  await writeFileAtomically(data.file, '[1, 2]');
  await rejects(readSnapshot(data.file), /does not hold an object of collections/);
  await writeFileAtomically(data.file, '{"samples": ');
  await rejects(readSnapshot(data.file), /is not valid JSON/);
} finally {
  await data.remove();
}`,
      ),
      testAtom(
        'store: restored records are checked against the rules',
        'restore',
        `
const snapshot = { samples: [{ id: 'a', name: 'first' }] };
deepEqual(restoreRecords(snapshot, 'samples', storeSampleRules), [{ id: 'a', name: 'first' }]);
deepEqual(restoreRecords({}, 'samples', storeSampleRules), []);
throws(() => restoreRecords({ samples: [{ name: 'no id' }] }, 'samples', storeSampleRules), /no string id/);
throws(() => restoreRecords({ samples: [{ id: 'b', name: 42 }] }, 'samples', storeSampleRules), /name/);`,
      ),
    ],
  };
}
