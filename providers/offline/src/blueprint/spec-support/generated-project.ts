import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AtomDraft, DiscoveryDocument, MasterPlan } from '@mge/contracts';
import { assembleFile, indexSymbols, planTasks } from '@mge/contracts';
import ts from 'typescript';
import { atomizeTask, generateAtom, planProject } from '../index.js';

/** A generated project in memory: its plan, atoms (with code) and assembled files. */
export interface GeneratedProject {
  readonly plan: MasterPlan;
  readonly atoms: readonly AtomDraft[];
  readonly code: ReadonlyMap<string, string>;
  readonly files: ReadonlyMap<string, string>;
}

/** Plans, atomizes every task, generates every atom and assembles the files, as the pipeline would. */
export function generateProject(doc: DiscoveryDocument): GeneratedProject {
  const plan = planProject(doc);
  const atoms = planTasks(plan).flatMap((task) => atomizeTask(doc, plan, task.id));
  const options = { attempt: 1, temperature: 0.7, feedback: [] };
  const code = new Map(atoms.map((atom) => [atom.id, generateAtom(doc, atom, options).code]));
  const homes = indexSymbols(atoms);
  const byFile = new Map<string, { spec: AtomDraft; code: string }[]>();
  for (const spec of atoms)
    byFile.set(spec.file, [...(byFile.get(spec.file) ?? []), { spec, code: code.get(spec.id)! }]);
  const files = new Map(
    [...byFile].map(([file, sources]) => [file, assembleFile(file, sources, homes).text]),
  );
  return { plan, atoms, code, files };
}

/** Writes the files into a fresh temporary directory and returns it. */
export async function writeProject(files: ReadonlyMap<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mge-offline-'));
  for (const [file, text] of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return dir;
}

export const removeProject = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

export const typeRoots = [
  dirname(dirname(createRequire(import.meta.url).resolve('@types/node/package.json'))),
];

/** The compiler options of the generated tsconfig.json, with the type roots of this repository. */
export function compilerOptions(
  dir: string,
  tsconfig: string,
  extra: ts.CompilerOptions = {},
): ts.CompilerOptions {
  const parsed = ts.convertCompilerOptionsFromJson(
    (JSON.parse(tsconfig) as { compilerOptions: object }).compilerOptions,
    dir,
  );
  return { ...parsed.options, typeRoots, ...extra };
}

// The lib and @types declaration files are the same for every project: parse them once.
const sharedSources = new Map<string, ts.SourceFile>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, create) => {
    if (!fileName.includes('/node_modules/')) return read(fileName, language, onError, create);
    const cached = sharedSources.get(fileName) ?? read(fileName, language, onError, create);
    if (cached !== undefined) sharedSources.set(fileName, cached);
    return cached;
  };
  return host;
}

/** Compiles the project's src/ (emitting dist/ unless noEmit); returns the diagnostics as readable lines. */
export function compileProject(
  dir: string,
  files: ReadonlyMap<string, string>,
  extra: ts.CompilerOptions = {},
): string[] {
  const sources = [...files.keys()].filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  const options = compilerOptions(dir, files.get('tsconfig.json')!, extra);
  const program = ts.createProgram(sources, options, cachingHost(options));
  const emitted = extra.noEmit === true ? [] : program.emit().diagnostics;
  return [...ts.getPreEmitDiagnostics(program), ...emitted].map((d) => {
    const where =
      d.file === undefined
        ? ''
        : `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `;
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Runs node with arguments in a directory; resolves with the exit code and output, never rejects. */
export function runNode(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...args], { cwd, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** Imports every compiled test file in one sandboxed process: file access only in `dir`, no environment. */
export async function runTestsSandboxed(dir: string): Promise<{ code: number; output: string }> {
  const runner = [
    "import { readdirSync } from 'node:fs';",
    "import { join } from 'node:path';",
    "import { pathToFileURL } from 'node:url';",
    'const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) =>',
    "  e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.test.js') ? [join(d, e.name)] : []);",
    "for (const file of walk(join(process.cwd(), 'dist'))) await import(pathToFileURL(file).href);",
  ].join('\n');
  await writeFile(join(dir, 'run-tests.mjs'), runner);
  const permissions = ['--experimental-permission', `--allow-fs-read=${dir}`, `--allow-fs-write=${dir}`];
  return runNode([...permissions, 'run-tests.mjs'], dir, {});
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();

/** Kills every server startMain started that is still running (a failed test leaves none behind). */
export function killStartedMains(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Starts `node dist/main.js` and resolves once it says where it listens. */
export function startMain(
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`main did not start: ${output}`)), 10_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`main exited with ${String(code)}: ${output}`)));
  });
}

/** Sends a signal and resolves with the exit code. */
export function stopMain(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}
