import type { WorkDef } from '../catalog.js';
import { eventCatalog, workCatalog } from '../catalog.js';
import { RunProgress } from '../progress.js';
import { RunSubmission, SUBMISSION_TYPE, SubmissionReply } from '../submission.js';
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
  Object.assign(messages, serviceMessages());
  Object.assign(channels, serviceChannels());
  Object.assign(operations, serviceOperations());
  return {
    $comment: GENERATED,
    asyncapi: '3.0.0',
    info: {
      title: 'MGE events and work',
      version: '1.0.0',
      description:
        'Run submissions on mge.requests (request/reply), progress snapshots on mge.progress.{runId}, events on the JetStream stream EVENTS (append-only) and work items on WORK (work queue). CloudEvents 1.0 binary mode: attributes in ce-* headers, data as the JSON body.',
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

const ref = (name: string) => ({ $ref: `#/components/messages/${name}` });

/** Submissions in, their replies, and progress snapshots out. */
function serviceMessages(): Record<string, unknown> {
  return {
    RunSubmission: {
      name: 'RunSubmission',
      title: 'RunSubmission',
      summary: `Asks for a run. A CloudEvent of type ${SUBMISSION_TYPE}: structured (application/cloudevents+json, this payload under "data") or binary (ce-specversion, ce-id, ce-source, ce-type headers; this payload as the body).`,
      payload: jsonSchemaOf(RunSubmission, 'RunSubmission'),
    },
    SubmissionReply: {
      name: 'SubmissionReply',
      title: 'SubmissionReply',
      summary:
        'The run started (runId; the same one again for a repeated idempotency key), or the error naming the fields.',
      payload: jsonSchemaOf(SubmissionReply, 'SubmissionReply'),
    },
    RunProgress: {
      name: 'RunProgress',
      title: 'RunProgress',
      summary:
        'A compact snapshot of a run, at each phase change and at most every 250 ms while atoms move; the stream PROGRESS keeps the last per run.',
      payload: jsonSchemaOf(RunProgress, 'RunProgress'),
    },
  };
}

function serviceChannels(): Record<string, unknown> {
  return {
    RunSubmission: { address: subjects.requests, messages: { RunSubmission: ref('RunSubmission') } },
    SubmissionReply: {
      address: null,
      description: "The submitter's reply inbox.",
      messages: { SubmissionReply: ref('SubmissionReply') },
    },
    RunProgress: {
      address: subjects.progress('{runId}'),
      parameters: { runId: runIdParameter },
      messages: { RunProgress: ref('RunProgress') },
    },
  };
}

function serviceOperations(): Record<string, unknown> {
  return {
    submitRun: {
      action: 'receive',
      channel: { $ref: '#/channels/RunSubmission' },
      summary: 'answered by the intake',
      reply: { channel: { $ref: '#/channels/SubmissionReply' } },
    },
    onRunProgress: { action: 'send', channel: { $ref: '#/channels/RunProgress' } },
  };
}
