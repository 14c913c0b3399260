export { discover, DiscoveryInputError } from './discovery/index.js';
export { atomizeTask, generateAtom, generateFile, planProject } from './blueprint/index.js';
export * from './discovery-eval/index.js';
