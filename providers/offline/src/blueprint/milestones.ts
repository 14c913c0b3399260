import type { DiscoveryDocument } from '@mge/contracts';
import { buildEntityModels } from './entities.js';
import { EXTERNAL_NAMES } from './externals.js';
import { GLOBAL_NAMES, INFRA_MILESTONE, INTEGRATION_MILESTONE, INTEGRATION_SYMBOLS } from './layout.js';
import type { EntityModel, FileTemplate, MilestoneTemplate } from './model.js';
import { configFile, configTestFile } from './templates/infra-config.js';
import { httpErrorsFile, httpJsonFile } from './templates/infra-http-errors.js';
import { httpTypesFile } from './templates/infra-http-types.js';
import { routerFile, httpServerFile } from './templates/infra-router.js';
import { listQueryFile } from './templates/infra-list-query.js';
import { routerTestFile } from './templates/infra-router-test.js';
import { rulesFile } from './templates/infra-rules.js';
import { repositoryFile } from './templates/infra-repository.js';
import { snapshotFile } from './templates/infra-snapshot.js';
import { storeTestFile } from './templates/infra-store-test.js';
import { apiClientFile, dataFilesFile } from './templates/infra-testing.js';
import { validateFile } from './templates/infra-validate.js';
import { validationTestFile } from './templates/infra-validation-test.js';
import { gitignoreFile, packageJsonFile, tsconfigFile } from './templates/documents.js';
import { entityModelFile } from './templates/entity-model.js';
import { entityRoutesFile } from './templates/entity-routes.js';
import { entityTestFile } from './templates/entity-tests.js';
import { appFile, mainFile } from './templates/integration-app.js';
import { appTestFile } from './templates/integration-test.js';
import { readmeFile } from './templates/readme.js';

let sharedCode: readonly FileTemplate[] | undefined;

/** The shared TypeScript files: the same for every project, so made once. */
function sharedSourceFiles(): readonly FileTemplate[] {
  sharedCode ??= [
    configFile(),
    rulesFile(),
    validateFile(),
    httpTypesFile(),
    httpErrorsFile(),
    httpJsonFile(),
    routerFile(),
    listQueryFile(),
    httpServerFile(),
    repositoryFile(),
    snapshotFile(),
    apiClientFile(),
    dataFilesFile(),
    configTestFile(),
    validationTestFile(),
    routerTestFile(),
    storeTestFile(),
  ];
  return sharedCode;
}

/** Names an entity's symbols must stay clear of: shared and integration symbols, Node and language names. */
function reservedNames(): Set<string> {
  const shared = sharedSourceFiles().flatMap((f) =>
    f.atoms.filter((a) => a.kind !== 'test').map((a) => a.symbol),
  );
  return new Set([...shared, ...INTEGRATION_SYMBOLS, ...GLOBAL_NAMES, ...EXTERNAL_NAMES]);
}

function entityMilestone(entity: EntityModel, byName: ReadonlyMap<string, EntityModel>): MilestoneTemplate {
  return {
    id: entity.milestoneId,
    phase: 'core',
    name: `${entity.name} collection`,
    kind: 'entity',
    entity: entity.name,
    description: `The ${entity.label} model, its routes at ${entity.path} and their tests`,
    files: [entityModelFile(entity), entityRoutesFile(entity), entityTestFile(entity, byName)],
  };
}

/** The project's milestones with their files: infrastructure, one per entity (referenced first), integration. */
export function buildMilestones(doc: DiscoveryDocument): {
  milestones: MilestoneTemplate[];
  entities: EntityModel[];
} {
  const entities = buildEntityModels(doc, reservedNames());
  const byName = new Map(entities.map((e) => [e.name, e]));
  const infrastructure: MilestoneTemplate = {
    id: INFRA_MILESTONE,
    phase: 'setup',
    name: 'Shared infrastructure',
    kind: 'infrastructure',
    description:
      'Package and compiler setup, configuration, validation, HTTP routing, repositories and persistence',
    files: [packageJsonFile(doc), tsconfigFile(), gitignoreFile(), ...sharedSourceFiles()],
  };
  const integration: MilestoneTemplate = {
    id: INTEGRATION_MILESTONE,
    phase: 'polish',
    name: 'Integration',
    kind: 'integration',
    description: 'The app wiring every collection, the entry point, app-level tests and the README',
    files: [appFile(entities), mainFile(), appTestFile(entities), readmeFile(doc, entities)],
  };
  return {
    milestones: [infrastructure, ...entities.map((e) => entityMilestone(e, byName)), integration],
    entities,
  };
}
