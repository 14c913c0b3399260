import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import mge from './no-import-cycle.mjs';

const folders = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes the modules to a fresh folder and lints `entry` with the rule alone. */
function lint(modules, entry) {
  const dir = mkdtempSync(join(tmpdir(), 'mge-cycle-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(modules)) writeFileSync(join(dir, name), text);
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { mge },
      rules: { 'mge/no-import-cycle': 'error' },
    },
  ];
  const file = join(dir, entry);
  return new Linter({ configType: 'flat', cwd: dir }).verify(readFileSync(file, 'utf8'), config, {
    filename: file,
  });
}

describe('mge/no-import-cycle', () => {
  it('reports a two-module cycle, even when one side imports only types', () => {
    const messages = lint(
      {
        'schedule.ts':
          "import { v1 } from './schedule-v1.js';\nexport interface Decision { n: number }\nexport const go = v1;\n",
        'schedule-v1.ts':
          "import type { Decision } from './schedule.js';\nexport const v1 = (d: Decision) => d.n;\n",
      },
      'schedule.ts',
    );
    expect(messages.map((m) => [m.line, m.message])).toEqual([
      [
        1,
        'import cycle: schedule.ts → schedule-v1.ts → schedule.ts; move the shared part down into a leaf module',
      ],
    ]);
  });

  it('follows longer paths and re-exports', () => {
    const messages = lint(
      {
        'a.ts': "export { b } from './b.js';\n",
        'b.ts': "import { c } from './c';\nexport const b = c;\n",
        'c.ts': "import * as a from './a.js';\nexport const c = a;\n",
      },
      'a.ts',
    );
    expect(messages.map((m) => m.message)).toEqual([
      'import cycle: a.ts → b.ts → c.ts → a.ts; move the shared part down into a leaf module',
    ]);
  });

  it('accepts shared parts in a leaf module, packages and dynamic imports', () => {
    const messages = lint(
      {
        'state.ts': 'export interface Decision { n: number }\n',
        'schedule.ts':
          "import type { Decision } from './state.js';\nimport { z } from 'zod';\nexport const go = (d: Decision) => z ?? d;\n",
        'schedule-v1.ts':
          "import type { Decision } from './state.js';\nimport { go } from './schedule.js';\nexport const v1 = (d: Decision) => go(d);\n",
        'late.ts': "export const later = () => import('./schedule-v1.js');\n",
      },
      'schedule-v1.ts',
    );
    expect(messages).toEqual([]);
  });
});
