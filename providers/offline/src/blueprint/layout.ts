/** Milestone ids, task ids and files of the parts every generated project has. */
export const INFRA_MILESTONE = 'm-infra';
export const INTEGRATION_MILESTONE = 'm-integration';

export const INFRA = {
  packageJson: { taskId: 'infra-package', file: 'package.json' },
  tsconfig: { taskId: 'infra-tsconfig', file: 'tsconfig.json' },
  gitignore: { taskId: 'infra-gitignore', file: '.gitignore' },
  config: { taskId: 'infra-config', file: 'src/config.ts' },
  rules: { taskId: 'infra-validation-rules', file: 'src/validation/rules.ts' },
  validate: { taskId: 'infra-validation', file: 'src/validation/validate.ts' },
  httpTypes: { taskId: 'infra-http-types', file: 'src/http/types.ts' },
  errors: { taskId: 'infra-http-errors', file: 'src/http/errors.ts' },
  json: { taskId: 'infra-http-json', file: 'src/http/json.ts' },
  router: { taskId: 'infra-router', file: 'src/http/router.ts' },
  listQuery: { taskId: 'infra-list-query', file: 'src/http/list-query.ts' },
  server: { taskId: 'infra-http-server', file: 'src/http/server.ts' },
  repository: { taskId: 'infra-repository', file: 'src/store/repository.ts' },
  snapshot: { taskId: 'infra-snapshot', file: 'src/store/snapshot.ts' },
  apiClient: { taskId: 'infra-api-client', file: 'src/testing/api-client.ts' },
  dataFiles: { taskId: 'infra-data-files', file: 'src/testing/data-files.ts' },
  configTest: { taskId: 'infra-config-test', file: 'src/config.test.ts' },
  validationTest: { taskId: 'infra-validation-test', file: 'src/validation/validation.test.ts' },
  routerTest: { taskId: 'infra-router-test', file: 'src/http/router.test.ts' },
  storeTest: { taskId: 'infra-store-test', file: 'src/store/store.test.ts' },
} as const;

export const INTEGRATION = {
  app: { taskId: 'integration-app', file: 'src/app.ts' },
  main: { taskId: 'integration-main', file: 'src/main.ts' },
  appTest: { taskId: 'integration-test', file: 'src/app.test.ts' },
  readme: { taskId: 'integration-readme', file: 'README.md' },
} as const;

/** Symbols the integration files declare whatever the entities; an entity's symbols must not take these. */
export const INTEGRATION_SYMBOLS: readonly string[] = (
  'Repositories snapshotOf openRepositories createAppRouter RunningApp startApp stopOnSignals main startup ' +
  'withApp createSampleRecords'
).split(' ');

/**
 * Names the generated code takes from Node or the language, uses as type parameters (T, K) or writes
 * inside regular expressions (Z, PORT); an entity's symbols must not take them.
 */
export const GLOBAL_NAMES: readonly string[] = (
  'K T Z PORT Array Boolean Buffer Date Error Headers JSON Map Math NodeJS Number Object Omit Partial Pick Promise ' +
  'Readonly ReadonlyMap Record Reflect Request RequestInit Response Set String Symbol URL URLSearchParams console fetch process undefined'
).split(' ');
