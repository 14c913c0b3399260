import { asyncApiDocument } from './asyncapi.js';
import { openApiDocument } from './openapi.js';
import { schemaFiles } from './json-schema.js';

/** Every generated file under contracts/schemas: JSON Schemas and the AsyncAPI document. */
export function generatedSchemaFiles(): Map<string, string> {
  const files = schemaFiles();
  files.set('asyncapi.json', `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
  files.set('openapi.json', `${JSON.stringify(openApiDocument(), null, 2)}\n`);
  return files;
}
