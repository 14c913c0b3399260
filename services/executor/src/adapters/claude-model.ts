import type { Claude } from '@mge/provider-anthropic';
import { atomCall, fileCall } from '@mge/provider-anthropic';
import type { AtomModel } from '../ports.js';

/** Claude writes atoms (write_atom) and V1 files (write_file); one call per attempt. */
export const claudeAtomModel = (claude: Claude): AtomModel => ({
  name: 'anthropic',
  generate: async ({ run, document, atom, attempt, temperature, feedback, repair }) => {
    const call = atomCall(document, atom, { attempt, feedback, repair });
    const answer = await claude.attempt(run, call, { subject: atom.id, attempt, temperature });
    return { code: answer.value.code, tokens: answer.tokens, costUsd: answer.costUsd };
  },
  generateFile: async ({ run, document, task, temperature }) => {
    const answer = await claude.attempt(run, fileCall(document, task), {
      subject: task.id,
      attempt: 1,
      temperature,
    });
    return { code: answer.value.code, tokens: answer.tokens, costUsd: answer.costUsd };
  },
});
