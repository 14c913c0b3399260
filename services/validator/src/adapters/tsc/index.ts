export { createChecker } from './checker.js';
export type { CheckerOptions } from './checker.js';
