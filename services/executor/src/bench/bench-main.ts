import { benchScheduler } from './scheduler-bench.js';

// `node services/executor/dist/bench/bench-main.js [atoms] [waves] [rounds]`: the scheduler's CPU cost alone.
const [atoms = 2000, waves = 12, rounds = 5] = process.argv.slice(2).map(Number);
process.stdout.write(`${benchScheduler(atoms, waves, rounds)}\n`);
