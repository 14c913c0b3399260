import type { Claude } from '@mge/provider-anthropic';
import { atomizeCall } from '@mge/provider-anthropic';
import type { AtomizerModel } from '../ports.js';

/** Claude splits a task into atoms, answering with the record_atoms tool. */
export const claudeAtomizerModel = (claude: Claude): AtomizerModel => ({
  atomize: async (document, plan, taskId, run) =>
    (await claude.stage(run, atomizeCall(document, plan, taskId), taskId)).atoms,
});
