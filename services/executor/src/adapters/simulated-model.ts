import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulationSettings } from '@mge/contracts';
import { UpstreamError } from '@mge/kit';
import { simulateAtom, simulateFile } from '@mge/provider-simulated';
import type { AtomModel } from '../ports.js';

const settingsOf = (simulation: SimulationSettings | undefined): SimulationSettings => {
  if (simulation !== undefined) return simulation;
  throw new UpstreamError(
    'simulation_settings',
    'the run asked for the simulated provider without simulation settings',
    { retryable: false },
  );
};

/** The offline model with the run's seeded faults, latency and synthetic token counts. */
export const simulatedAtomModel: AtomModel = {
  name: 'simulated',
  generate: async ({ document, atom, attempt, temperature, feedback, repair, simulation }) => {
    const answer = simulateAtom(
      document,
      atom,
      { attempt, temperature, feedback, repair },
      settingsOf(simulation),
    );
    await sleep(answer.latencyMs);
    return { code: answer.code, tokens: answer.tokens, costUsd: answer.costUsd };
  },
  generateFile: async ({ document, task, temperature, simulation }) => {
    const answer = simulateFile(document, task.id, temperature, settingsOf(simulation));
    await sleep(answer.latencyMs);
    return { code: answer.code, tokens: answer.tokens, costUsd: answer.costUsd };
  },
};
