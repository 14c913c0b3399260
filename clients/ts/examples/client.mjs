// Submit, follow and fetch with @mge/client, over HTTP (MGE_GATEWAY_URL) or over NATS (NATS_URL).
// MGE_GATEWAY_URL=http://127.0.0.1:8080 MGE_API_TOKEN=… node clients/ts/examples/client.mjs out/example
import { connectNatsClient, httpClient } from '@mge/client';

const client = process.env.MGE_GATEWAY_URL
  ? httpClient({ url: process.env.MGE_GATEWAY_URL, token: process.env.MGE_API_TOKEN })
  : await connectNatsClient(process.env.NATS_URL ?? 'nats://127.0.0.1:4222');

const run = await client.submit('Create a REST API for user management', { user: 'team-a' });
console.log(`submitted ${run.runId} (${run.mode}, ${run.assignment.reason})`);
let events = 0;
for await (const _event of client.follow(run.runId)) events++;
const summary = await client.result(run.runId);
console.log(`${summary.status}: ${summary.atoms} atoms, ${events} events, precision ${summary.precision}`);
const project = await client.artifact(run.runId, process.argv[2] ?? `out/${run.runId}`);
console.log(
  `unpacked ${project.files} files (${project.size} bytes, sha256 ${project.sha256.slice(0, 12)}…) into ${project.dir}`,
);
await client.close();
