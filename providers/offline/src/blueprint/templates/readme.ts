import type { DiscoveryDocument } from '@mge/contracts';
import { documentAtom } from '../code.js';
import { INTEGRATION } from '../layout.js';
import type { EntityModel, FieldModel, FileTemplate } from '../model.js';
import { sampleValue, updatedValue } from '../samples.js';
import { projectSummary } from './documents.js';

const BASE = 'http://127.0.0.1:3000';

const RULES: Readonly<Record<FieldModel['type'], string>> = {
  string: 'non-empty string',
  number: 'number',
  integer: 'integer',
  boolean: '`true` or `false`',
  date: 'ISO 8601 date (`2030-01-15`) or date-time (`2030-01-15T09:30:00Z`)',
  email: 'email address',
  reference: 'id of an existing record',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function ruleOf(field: FieldModel): string {
  const base =
    field.values !== undefined
      ? `one of ${field.values.map((v) => `\`${cell(v)}\``).join(', ')}`
      : field.reference === undefined
        ? RULES[field.type]
        : `id of an existing ${field.reference.label}`;
  return field.unique ? `${base}; unique (409 when another record has it)` : base;
}

function fieldRow(field: FieldModel, notes: boolean): string {
  const rule = ruleOf(field);
  const row = `| \`${field.name}\` | ${rule} | ${field.required ? 'yes' : 'no'} |`;
  return notes ? `${row} ${cell(field.description)} |` : row;
}

/** The JSON a curl example sends: sample values, references as placeholders. */
function exampleBody(entity: EntityModel): string {
  const body = Object.fromEntries(
    entity.fields.map((f) => [
      f.name,
      f.reference === undefined ? sampleValue(f) : `<${f.reference.label} id>`,
    ]),
  );
  return JSON.stringify(body);
}

function collectionSection(entity: EntityModel): string {
  const patchField = entity.fields.find((f) => f.reference === undefined) ?? entity.fields[0]!;
  const patch = JSON.stringify({ [patchField.name]: updatedValue(patchField) });
  const url = `${BASE}${entity.path}`;
  const json = "-H 'content-type: application/json'";
  const notes = entity.fields.some((f) => f.description.trim() !== '');
  return [
    `### \`${entity.path}\` — ${entity.pluralLabel}`,
    '',
    ...(entity.description.trim() === '' ? [] : [cell(entity.description), '']),
    notes ? '| Field | Value | Required | Notes |' : '| Field | Value | Required |',
    notes ? '| --- | --- | --- | --- |' : '| --- | --- | --- |',
    `| \`id\` | string made by the server | read only |${notes ? ' |' : ''}`,
    ...entity.fields.map((f) => fieldRow(f, notes)),
    '',
    '```sh',
    `# create one (201); the answer holds its id`,
    `curl -s -X POST ${url} ${json} -d '${exampleBody(entity)}'`,
    `ID=...   # the id from that answer`,
    `curl -s ${url}   # the first page: {"items": [...], "total": n, "limit": 20, "offset": 0}`,
    ...listExamples(entity, url),
    `curl -s ${url}/$ID   # get one (200, or 404)`,
    `curl -s -X PATCH ${url}/$ID ${json} -d '${patch}'   # change fields (200, 400, 404${entity.fields.some((f) => f.unique) ? ' or 409' : ''})`,
    `curl -s -X DELETE ${url}/$ID   # delete (204, or 404${deleteConflict(entity)})`,
    '```',
    '',
  ].join('\n');
}

/** Curl lines for filtering, sorting and paging a collection. */
function listExamples(entity: EntityModel, url: string): string[] {
  const own = entity.fields.find((f) => f.reference === undefined);
  const reference = entity.fields.find((f) => f.reference !== undefined);
  const value = (f: FieldModel): string => encodeURIComponent(String(sampleValue(f)));
  return [
    ...(own === undefined
      ? []
      : [`curl -s '${url}?${own.name}=${value(own)}'   # only records whose ${own.name} is that`]),
    ...(reference?.reference === undefined
      ? []
      : [
          `curl -s '${url}?${reference.name}=<${reference.reference.label} id>'   # only records naming that ${reference.reference.label}`,
        ]),
    ...(own === undefined
      ? []
      : [
          `curl -s '${url}?sort=-${own.name}&limit=10&offset=10'   # the second page of 10, by ${own.name} descending`,
        ]),
  ];
}

/** The 409 a delete may answer, with the references that cause it. */
function deleteConflict(entity: EntityModel): string {
  const restricting = entity.referrers.filter((r) => !r.cascade);
  const cascading = entity.referrers.filter((r) => r.cascade);
  const refused =
    restricting.length === 0
      ? ''
      : `; 409 while ${restricting.map((r) => `${r.collection}.${r.field}`).join(' or ')} names it`;
  const taken =
    cascading.length === 0
      ? ''
      : `; also deletes the ${cascading.map((r) => r.collection).join(' and ')} naming it`;
  return `${refused}${taken}`;
}

function listSection(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`## ${title}`, '', ...items.map((item) => `- ${cell(item)}`), ''];
}

/** README.md: what it is, how to build, run and test, configuration, every collection, errors, layout. */
export function readmeFile(doc: DiscoveryDocument, entities: readonly EntityModel[]): FileTemplate {
  const text = [
    `# ${cell(doc.domain)}`,
    '',
    projectSummary(doc),
    '',
    "A JSON REST API for Node.js 20 written in TypeScript, with no runtime dependencies: only Node's standard library.",
    '',
    '## Build, run, test',
    '',
    '```sh',
    'npm install     # TypeScript and the Node.js type definitions (development only)',
    'npm run build   # compiles src/ to dist/',
    'npm start       # serves on http://127.0.0.1:3000',
    'npm test        # runs the compiled tests (node --test dist); build first',
    '```',
    '',
    '## Configuration',
    '',
    '| Variable | Default | Meaning |',
    '| --- | --- | --- |',
    '| `HOST` | `127.0.0.1` | address to listen on |',
    '| `PORT` | `3000` | port to listen on (`0` picks a free one) |',
    '| `DATA_FILE` | unset | JSON file holding every collection, read at start and replaced atomically after each change; unset keeps data in memory |',
    '',
    'The server stops gracefully on `SIGINT` (Ctrl-C) and `SIGTERM`.',
    '',
    '## Collections',
    '',
    'Each collection answers `POST` (201 with the new record), `GET` (200, a page of records), and on `/<id>`:',
    '`GET` (200 or 404), `PATCH` (200, 400 or 404; only the fields given change) and `DELETE` (204 or 404).',
    '',
    'A list is a page: `{"items": [...], "total": 42, "limit": 20, "offset": 0}`, where `total` counts every',
    'matching record. Its query string takes `limit` (1 to 100, default 20), `offset` (default 0),',
    '`sort=<field>` or `sort=-<field>` (descending), and `<field>=<value>` for each field to match exactly',
    '(references too: `?projectId=...`). An unknown field or a value the field would refuse is a 400 naming it.',
    '',
    ...entities.map(collectionSection),
    '## Errors',
    '',
    'Errors are JSON: `{"error": "...", "details": [{"field": "email", "message": "must be an email address"}]}`.',
    '',
    '- `400`: malformed JSON, a body that is not an object, a missing required field, a value of the wrong type',
    '  or format, an unknown field (including `id`, which the server sets), or a reference to a record that does not exist;',
    '- `404`: an unknown route or record; `405`: a method the path does not support (see the `Allow` header);',
    '- `409`: a value of a unique field that another record already has, or deleting a record that a',
    '  reference of another record still names (delete or change those first);',
    '- `413`: a body over 1 MiB; `500`: an unexpected error (logged by the server, never detailed to clients).',
    '',
    ...listSection('Assumptions', doc.assumptions),
    ...listSection('Open questions', doc.openQuestions),
    '## Layout',
    '',
    '| Path | What |',
    '| --- | --- |',
    '| `src/main.ts` | entry point: configuration, start, graceful stop |',
    "| `src/app.ts` | repositories and every collection's routes in one server |",
    '| `src/config.ts` | `HOST`, `PORT` and `DATA_FILE` (the only place that reads the environment) |',
    '| `src/http/` | router, JSON bodies and replies, errors, server start and stop |',
    '| `src/validation/` | field rules and body validation |',
    '| `src/store/` | `Repository<T>`, the in-memory repository and the data file |',
    ...entities.map((e) => `| \`src/${e.collection}/\` | the ${e.label} model, routes and tests |`),
    '| `src/testing/` | helpers for the tests (`*.test.ts`, beside the code they test) |',
  ].join('\n');
  return {
    ...INTEGRATION.readme,
    kind: 'asset',
    description:
      'README.md: what the API is, how to build, run and test it, configuration and every collection',
    atoms: [documentAtom('README.md', 'The project README', text)],
  };
}
