export { discover } from './discover.js';
export { DiscoveryInputError } from './errors.js';
