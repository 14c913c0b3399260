export type { AttemptRequest, SimulatedAnswer } from './simulate.js';
export { faultProbability, simulateAtom } from './simulate.js';
export type { FaultKind } from './faults.js';
export type { SimulatedFile } from './simulate-file.js';
export { simulateFile } from './simulate-file.js';
