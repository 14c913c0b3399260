import type { ExternalImport } from '@mge/contracts';

const binding = (module: string, name: string, typeOnly = false): ExternalImport => ({
  module,
  name,
  typeOnly,
});

/** Node bindings any generated file may take, by the name the code uses. */
const SOURCE_BINDINGS: readonly ExternalImport[] = [
  binding('node:http', 'createServer'),
  binding('node:http', 'IncomingMessage', true),
  binding('node:http', 'Server', true),
  binding('node:http', 'ServerResponse', true),
  binding('node:crypto', 'randomUUID'),
  binding('node:fs/promises', 'mkdir'),
  binding('node:fs/promises', 'readFile'),
  binding('node:fs/promises', 'readdir'),
  binding('node:fs/promises', 'rename'),
  binding('node:fs/promises', 'rm'),
  binding('node:fs/promises', 'rmdir'),
  binding('node:fs/promises', 'writeFile'),
  binding('node:path', 'basename'),
  binding('node:path', 'dirname'),
  binding('node:path', 'join'),
  binding('node:url', 'fileURLToPath'),
];

/** Bindings only tests and their helpers take (short names that other code may use as locals). */
const TEST_BINDINGS: readonly ExternalImport[] = [
  binding('node:test', 'test'),
  binding('node:assert/strict', 'deepEqual'),
  binding('node:assert/strict', 'equal'),
  binding('node:assert/strict', 'ok'),
  binding('node:assert/strict', 'rejects'),
  binding('node:assert/strict', 'throws'),
];

/** Whether a file is a test or a test helper, where the test bindings apply. */
export const isTestingFile = (file: string): boolean =>
  file.endsWith('.test.ts') || file.startsWith('src/testing/');

/** The Node bindings visible by name in a file. */
export function bindingsFor(file: string): ReadonlyMap<string, ExternalImport> {
  const all = isTestingFile(file) ? [...SOURCE_BINDINGS, ...TEST_BINDINGS] : SOURCE_BINDINGS;
  return new Map(all.map((b) => [b.name, b]));
}

/** Every external name, so project symbols can stay clear of them. */
export const EXTERNAL_NAMES: readonly string[] = [...SOURCE_BINDINGS, ...TEST_BINDINGS].map((b) => b.name);
