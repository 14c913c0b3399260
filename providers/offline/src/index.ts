export { discover, DiscoveryInputError } from './discovery/index.js';
export { atomizeTask, generateAtom, planProject } from './blueprint/index.js';
