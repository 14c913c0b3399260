import { z } from 'zod';
import { ItemId } from './ids.js';

/** What kind of top-level declaration an atom is. `test` is one test case; `document` a whole asset file. */
export const AtomKind = z.enum(['type', 'interface', 'const', 'function', 'class', 'test', 'document']);
/** An atom kind. */
export type AtomKind = z.infer<typeof AtomKind>;

/** A binding an atom takes from outside the project (Node's standard library). */
export const ExternalImport = z
  .object({
    module: z.string().regex(/^node:[a-z/_]+$/, 'only node: modules may be imported'),
    name: z.string().min(1),
    typeOnly: z.boolean().default(false),
  })
  .strict();
/** An external import. */
export type ExternalImport = z.infer<typeof ExternalImport>;

/** An atom as the atomizing model proposes it: one declaration with what it needs and provides. */
export const AtomDraft = z
  .object({
    id: ItemId,
    taskId: ItemId,
    milestoneId: ItemId,
    file: z.string(),
    symbol: z.string().min(1),
    kind: AtomKind,
    description: z.string(),
    needs: z.array(z.string().min(1)),
    uses: z.array(ExternalImport),
    order: z.number().int().nonnegative(),
    estimatedLines: z.number().int().positive(),
  })
  .strict();
/** An atom draft. */
export type AtomDraft = z.infer<typeof AtomDraft>;

/** An atom in the graph: the draft plus the atoms it depends on and its wave (topological level, from 0). */
export const AtomSpec = AtomDraft.extend({
  dependsOn: z.array(ItemId),
  wave: z.number().int().nonnegative(),
});
/** An atom spec. */
export type AtomSpec = z.infer<typeof AtomSpec>;
