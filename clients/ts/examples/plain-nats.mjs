// Submit a run and follow its progress with nothing but @nats-io/transport-node.
// NATS_URL=nats://token@host:4222 node clients/ts/examples/plain-nats.mjs "Create a REST API for user management"
import { connect } from '@nats-io/transport-node';

const url = new URL(process.env.NATS_URL ?? 'nats://127.0.0.1:4222');
const nc = await connect({
  servers: url.host,
  ...(url.username ? { token: decodeURIComponent(url.username) } : {}),
});

const submission = {
  specversion: '1.0',
  id: crypto.randomUUID(),
  source: 'urn:example:plain-nats',
  type: 'mge.run.submit',
  data: { request: process.argv[2] ?? 'Create a REST API for user management' },
};
const reply = JSON.parse(
  (await nc.request('mge.requests', JSON.stringify(submission), { timeout: 10_000 })).string(),
);
console.log('reply:', JSON.stringify(reply));
if (reply.error) process.exit(2);

for await (const msg of nc.subscribe(`mge.progress.${reply.runId}`)) {
  const p = JSON.parse(msg.string());
  console.log(
    `${p.phase.padEnd(10)} ${p.atoms.passed}/${p.atoms.total} atoms, wave ${p.waves.done}/${p.waves.total}, ${p.status}`,
  );
  if (p.status !== 'running') break;
}
await nc.close();
