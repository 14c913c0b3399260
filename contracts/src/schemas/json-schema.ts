import { z } from 'zod';
import { eventCatalog, workCatalog } from '../catalog.js';
import { DiscoveryDocument } from '../discovery.js';
import { ceHeader } from '../envelope.js';
import { RunProgress } from '../progress.js';
import { RunSubmission, SubmissionReply } from '../submission.js';

const GENERATED = 'generated from @mge/contracts by scripts/generate-schemas — do not edit';

/** The JSON Schema of a zod schema, as a value a reader of messages checks against. */
export function jsonSchemaOf(schema: z.ZodType, title: string): Record<string, unknown> {
  const body = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $comment: GENERATED, title, ...body };
}

/** The CloudEvents binary-mode headers every message carries. */
export function headersSchema(): Record<string, unknown> {
  const string = { type: 'string' };
  return {
    type: 'object',
    required: Object.values(ceHeader),
    properties: Object.fromEntries(Object.values(ceHeader).map((h) => [h, string])),
  };
}

/** Every published schema file: path under contracts/schemas → content. */
export function schemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const put = (path: string, value: unknown) => files.set(path, `${JSON.stringify(value, null, 2)}\n`);
  put('discovery-document.schema.json', jsonSchemaOf(DiscoveryDocument, 'DiscoveryDocument'));
  put('run-submission.schema.json', jsonSchemaOf(RunSubmission, 'RunSubmission'));
  put('submission-reply.schema.json', jsonSchemaOf(SubmissionReply, 'SubmissionReply'));
  put('run-progress.schema.json', jsonSchemaOf(RunProgress, 'RunProgress'));
  for (const [type, def] of Object.entries(eventCatalog))
    put(`events/${type}.schema.json`, jsonSchemaOf(def.schema, type));
  for (const [type, def] of Object.entries(workCatalog))
    put(`work/${type}.schema.json`, jsonSchemaOf(def.schema, type));
  return files;
}

export { GENERATED };
