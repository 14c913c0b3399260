import { z } from 'zod';
import { runScoped } from './common.js';

/**
 * The built project (sources, tests, `dist/`, README) was stored as a `.tar.gz` in the object-store
 * bucket under the run id, after its whole-project check (L4, or V1's end check). A later revision
 * (a reviewer's edit) replaces the object and records a new event.
 */
export const ArtifactStored = z
  .object({
    ...runScoped,
    bucket: z.string().min(1),
    /** The object's name: the run id. */
    key: z.string().min(1),
    /** Bytes of the `.tar.gz`. */
    size: z.number().int().nonnegative(),
    /** Hex sha256 of the `.tar.gz`. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Files in the archive. */
    files: z.number().int().nonnegative(),
    /** Whether the project passed its whole-project check; a failed one is stored for diagnosis. */
    passed: z.boolean(),
    /** The plan revision L4 validated (it changes when a reviewer's edit reopens the run); V1 has none. */
    revision: z.string().min(1).optional(),
  })
  .strict();
/** Data of ArtifactStored. */
export type ArtifactStored = z.infer<typeof ArtifactStored>;
