import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamError } from '@mge/kit';
import { simulateAtom } from '@mge/provider-simulated';
import type { AtomModel } from '../ports.js';

/** The offline model with the run's seeded faults, latency and synthetic token counts. */
export const simulatedAtomModel: AtomModel = {
  name: 'simulated',
  generate: async ({ document, atom, attempt, temperature, feedback, repair, simulation }) => {
    if (simulation === undefined)
      throw new UpstreamError(
        'simulation_settings',
        'the run asked for the simulated provider without simulation settings',
        {
          retryable: false,
        },
      );
    const answer = simulateAtom(document, atom, { attempt, temperature, feedback, repair }, simulation);
    await sleep(answer.latencyMs);
    return { code: answer.code, tokens: answer.tokens, costUsd: answer.costUsd };
  },
};
