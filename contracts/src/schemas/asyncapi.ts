import type { WorkDef } from '../catalog.js';
import { eventCatalog, workCatalog } from '../catalog.js';
import { subjects } from '../subjects.js';
import { GENERATED, headersSchema, jsonSchemaOf } from './json-schema.js';

const runIdParameter = { description: 'The run id: r- followed by a ULID.' };

/** The AsyncAPI 3 document of MGE's messages on NATS: one channel per event and work subject. */
export function asyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const [type, def] of Object.entries(eventCatalog)) {
    messages[type] = message(type, def.doc, def.schema, def.version);
    channels[type] = {
      address: subjects.event('{runId}', def.aggregate, def.name),
      parameters: { runId: runIdParameter },
      messages: { [type]: { $ref: `#/components/messages/${type}` } },
    };
    operations[`on${type}`] = { action: 'receive', channel: { $ref: `#/channels/${type}` } };
  }
  for (const [type, def] of Object.entries(workCatalog) as [string, WorkDef][]) {
    messages[type] = message(type, def.doc, def.schema, def.version);
    channels[type] = {
      address: subjects.work(def.service, def.kind, def.lane),
      messages: { [type]: { $ref: `#/components/messages/${type}` } },
    };
    operations[`do${type}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${type}` },
      summary: `done by the ${def.service}`,
    };
  }
  return {
    $comment: GENERATED,
    asyncapi: '3.0.0',
    info: {
      title: 'MGE events and work',
      version: '1.0.0',
      description:
        'Events on the JetStream stream EVENTS (append-only) and work items on WORK (work queue). CloudEvents 1.0 binary mode: attributes in ce-* headers, data as the JSON body.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: '127.0.0.1:4222', protocol: 'nats' } },
    channels,
    operations,
    components: { messages },
  };
}

function message(type: string, doc: string, schema: Parameters<typeof jsonSchemaOf>[0], version: number) {
  return {
    name: type,
    title: type,
    summary: doc,
    headers: headersSchema(),
    payload: jsonSchemaOf(schema, type),
    'x-schema-version': version,
  };
}
