import { generateAtom, generateFile } from '@mge/provider-offline';
import type { AtomModel } from '../ports.js';

/** Writes atoms from templates: deterministic and free. */
export const offlineAtomModel: AtomModel = {
  name: 'offline',
  generate: async ({ document, atom, attempt, temperature, feedback }) => ({
    code: generateAtom(document, atom, { attempt, temperature, feedback }).code,
    tokens: { input: 0, output: 0 },
    costUsd: 0,
  }),
  generateFile: async ({ document, task }) => ({
    code: generateFile(document, task.id).code,
    tokens: { input: 0, output: 0 },
    costUsd: 0,
  }),
};
