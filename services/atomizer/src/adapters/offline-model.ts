import { atomizeTask } from '@mge/provider-offline';
import type { AtomizerModel } from '../ports.js';

/** One atom per top-level declaration of the templates. */
export const offlineAtomizerModel: AtomizerModel = {
  atomize: async (document, plan, taskId) => atomizeTask(document, plan, taskId),
};
