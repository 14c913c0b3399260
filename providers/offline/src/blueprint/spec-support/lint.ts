import { mkdir, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { typeRoots } from './generated-project.js';

/**
 * Lints a written project's sources with typescript-eslint's strictest type-checked rules (no
 * floating promises, no misused promises, no unsafe any, …); resolves with one line per problem.
 */
export async function lintProject(dir: string): Promise<string[]> {
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  await symlink(typeRoots[0]!, join(dir, 'node_modules', '@types'));
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      ...tseslint.configs.strictTypeChecked,
      { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dir } } },
    ],
  });
  const results = await eslint.lintFiles(['src/**/*.ts']);
  return results.flatMap((r) =>
    r.messages.map((m) => `${relative(dir, r.filePath)}:${m.line} ${m.ruleId ?? 'syntax'}: ${m.message}`),
  );
}
