import { atom, propertyKey, str } from '../code.js';
import { INTEGRATION } from '../layout.js';
import type { EntityModel, FileTemplate } from '../model.js';
import { uniqueArgument } from './entity-test-helpers.js';

/** src/app.ts: repositories (with persistence) and every collection's routes in one server. */
export function appFile(entities: readonly EntityModel[]): FileTemplate {
  const members = entities.map((e) => `  readonly ${e.depsKey}: Repository<${e.names.type}>;`);
  const snapshotLines = entities.map(
    (e) => `    ${propertyKey(e.collection)}: await repositories.${e.depsKey}.list(),`,
  );
  const opened = entities.map((e) => {
    const restored = `restoreRecords<${e.names.input}>(snapshot, ${str(e.collection)}, ${e.names.rules})`;
    const args = [restored, 'save', ...uniqueArgument(e)];
    const line = `    ${e.depsKey}: createMemoryRepository<${e.names.type}>(${args.join(', ')}),`;
    return line.length <= 110
      ? line
      : `    ${e.depsKey}: createMemoryRepository<${e.names.type}>(\n${args.map((a) => `      ${a},`).join('\n')}\n    ),`;
  });
  const registrations = entities.map((e) => `  ${e.names.register}(router, repositories);`);
  return {
    ...INTEGRATION.app,
    kind: 'source',
    description: 'The app: one repository per collection, persisted to DATA_FILE when set, and every route',
    atoms: [
      atom(
        'interface',
        'Repositories',
        'One repository per collection',
        `
/** One repository per collection. */
export interface Repositories {
${members.join('\n')}
}`,
      ),
      atom(
        'function',
        'snapshotOf',
        'Every collection as written to the data file',
        `
/** Every collection's records, as written to the data file. */
export async function snapshotOf(repositories: Repositories): Promise<Snapshot> {
  return {
${snapshotLines.join('\n')}
  };
}`,
      ),
      atom(
        'function',
        'openRepositories',
        'Repositories loaded from and saved to the data file',
        `
/** Repositories loaded from the data file and saved to it after every change; in memory only without one. */
export async function openRepositories(dataFile: string | undefined): Promise<Repositories> {
  const snapshot: Snapshot = dataFile === undefined ? {} : await readSnapshot(dataFile);
  const save =
    dataFile === undefined ? ignoreChange : createSnapshotWriter(dataFile, async () => snapshotOf(repositories));
  const repositories: Repositories = {
${opened.join('\n')}
  };
  return repositories;
}`,
      ),
      atom(
        'function',
        'createAppRouter',
        'A router with every collection',
        `
/** A router with every collection's routes. */
export function createAppRouter(repositories: Repositories): Router {
  const router = createRouter();
${registrations.join('\n')}
  return router;
}`,
      ),
      atom(
        'interface',
        'RunningApp',
        'A started app',
        `
/** A started app: where it listens, and how to stop it. */
export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}`,
      ),
      atom(
        'function',
        'startApp',
        'Opens the repositories and serves every collection',
        `
/** Opens the repositories and serves every collection on the configured host and port. */
export async function startApp(config: Config): Promise<RunningApp> {
  const repositories = await openRepositories(config.dataFile);
  const server = createHttpServer(createAppRouter(repositories));
  const url = await listen(server, config.port, config.host);
  return { url, close: () => closeServer(server) };
}`,
      ),
    ],
  };
}

/** src/main.ts: the entry point. */
export function mainFile(): FileTemplate {
  return {
    ...INTEGRATION.main,
    kind: 'source',
    description: 'The entry point: configuration from the environment, start, log, stop on SIGINT/SIGTERM',
    atoms: [
      atom(
        'function',
        'stopOnSignals',
        'Closes the app on SIGINT or SIGTERM',
        `
/** Closes the app on SIGINT or SIGTERM: requests in flight finish, then the process exits. */
export function stopOnSignals(app: RunningApp): void {
  const stop = (signal: NodeJS.Signals): void => {
    console.log(\`\${signal} received, shutting down\`);
    app.close().then(
      () => {
        console.log('stopped');
      },
      (error: unknown) => {
        console.error('shutdown failed:', error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}`,
      ),
      atom(
        'function',
        'main',
        'Starts the server with the configuration from the environment',
        `
/** Starts the server with the configuration from the environment. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startApp(config);
  const storage = config.dataFile === undefined ? 'data in memory' : \`data in \${config.dataFile}\`;
  console.log(\`listening on \${app.url} (\${storage})\`);
  stopOnSignals(app);
}`,
      ),
      atom(
        'const',
        'startup',
        'Runs main, reporting a failure to start',
        `
/** Runs main; a failure to start is reported in one line, with a non-zero exit code. */
export const startup: Promise<void> = main().catch((error: unknown) => {
  console.error(\`failed to start: \${error instanceof Error ? error.message : String(error)}\`);
  process.exitCode = 1;
});`,
      ),
    ],
  };
}
