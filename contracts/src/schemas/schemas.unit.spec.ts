import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedSchemaFiles } from './index.js';

const folder = fileURLToPath(new URL('../../schemas/', import.meta.url));
const onDisk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? onDisk(join(dir, e.name)) : [relative(folder, join(dir, e.name))],
  );

describe('published schemas', () => {
  const generated = generatedSchemaFiles();

  it('are up to date with the zod schemas (run scripts/generate-schemas when this fails)', () => {
    expect(onDisk(folder).sort()).toEqual([...generated.keys()].sort());
    for (const [path, content] of generated)
      expect({ path, content: readFileSync(join(folder, path), 'utf8') }).toEqual({ path, content });
  });

  it('publish the DiscoveryDocument with its required fields', () => {
    const schema = JSON.parse(generated.get('discovery-document.schema.json')!) as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['domain', 'entities']));
  });

  it('give AtomGenerated its public fields', () => {
    const schema = JSON.parse(generated.get('events/AtomGenerated.schema.json')!) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['atomId', 'attempt', 'temperature', 'codeHash']),
    );
  });

  it('describe every event channel in AsyncAPI 3', () => {
    const doc = JSON.parse(generated.get('asyncapi.json')!) as {
      asyncapi: string;
      channels: Record<string, { address: string }>;
    };
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.channels['AtomValidated']?.address).toBe('mge.ev.{runId}.atom.validated');
  });

  it('describe the submission and progress channels in AsyncAPI, and the gateway in OpenAPI 3.1', () => {
    const asyncApi = JSON.parse(generated.get('asyncapi.json')!) as {
      channels: Record<string, { address: string | null }>;
    };
    expect(asyncApi.channels['RunSubmission']?.address).toBe('mge.requests');
    expect(asyncApi.channels['RunProgress']?.address).toBe('mge.progress.{runId}');
    const openApi = JSON.parse(generated.get('openapi.json')!) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>
      >;
    };
    expect(openApi.openapi).toBe('3.1.0');
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining([
        '/runs',
        '/runs/{id}',
        '/runs/{id}/events',
        '/runs/{id}/progress',
        '/runs/{id}/ws',
        '/runs/{id}/artifact',
        '/flags/{name}',
        '/healthz',
        '/readyz',
      ]),
    );
    const body = openApi.paths['/runs']!['post']!.requestBody!.content['application/json']!.schema as {
      properties?: Record<string, unknown>;
    };
    expect(Object.keys(body.properties ?? {})).toEqual(
      expect.arrayContaining(['request', 'spec', 'mode', 'idempotencyKey']),
    );
  });
});
