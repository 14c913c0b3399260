import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import type { AtomDraft, RunSummary } from '@mge/contracts';
import { eventCatalog, planTasks } from '@mge/contracts';
import type { ReceivedRequest, ScriptedAnswer } from '@mge/kit/testing';
import { atomizeTask, discover, planProject } from '@mge/provider-offline';
import { attemptOf, blocksOf, offlineAnswer, toolOf } from './support/claude-script.js';
import type { ClaudeStack } from './support/claude-stack.js';
import { startClaudeStack } from './support/claude-stack.js';
import { lastJsonLine, runMge } from './support/cli.js';
import type { Targets } from './support/hostile.js';
import { disguisedHostile, endless, FORGED, hoarding, openlyHostile } from './support/hostile.js';

const REQUEST = 'Create a REST API for user management';
const doc = discover(REQUEST);
const plan = planProject(doc);
const tests = planTasks(plan)
  .filter((t) => t.kind === 'test')
  .flatMap((t) => atomizeTask(doc, plan, t.id));
/** The model's victim, and the reviewer's: two test atoms. */
const victim: AtomDraft = tests[0]!;

interface Logged {
  readonly type: string;
  readonly source?: string;
  readonly data: Record<string, unknown>;
}

describe('hostile generated code is contained, named, and the run goes on', () => {
  let stack: ClaudeStack;
  let targets: Targets;
  let seen = 0;
  let runId = '';
  const listener = createHttpServer((request, response) => response.end('leaked'));
  listener.on('connection', () => seen++);

  /** The model writes the victim openly hostile (attempt 1), disguised (2), endless (3), then as offline does. */
  const script = (request: ReceivedRequest): ScriptedAnswer => {
    if (toolOf(request) !== 'write_atom') return offlineAnswer(request);
    if ((blocksOf(request)['atom'] as AtomDraft).id !== victim.id) return offlineAnswer(request);
    const hostile = [openlyHostile, disguisedHostile, (name: string) => endless(name)][
      attemptOf(request) - 1
    ];
    return hostile === undefined
      ? offlineAnswer(request)
      : { kind: 'tool', input: { code: hostile(victim.symbol, targets) } };
  };
  const eventsOf = async (): Promise<Logged[]> =>
    (await runMge(['events', runId, '--json'], stack.env)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Logged);

  beforeAll(async () => {
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    stack = await startClaudeStack('escape', script, {}, { MGE_SANDBOX_TIMEOUT_MS: '8000' });
    const address = listener.address();
    targets = {
      httpPort: typeof address === 'object' && address !== null ? address.port : 0,
      natsPort: Number(new URL(stack.env['NATS_URL']!).port),
      home: stack.env['MGE_HOME']!,
      outside: join(stack.dir, 'escaped.txt'),
    };
  });
  afterAll(async () => {
    listener.close();
    await stack.stop();
  });

  it("a model's hostile answers fail validation naming why, and the run still succeeds", async () => {
    const result = await runMge(['run', REQUEST, '--out', join(stack.dir, 'out'), '--json'], stack.env);
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr.slice(-2000) }).toEqual({
      code: 0,
      stderr: '',
    });
    const summary = lastJsonLine<RunSummary>(result.stdout);
    expect(summary).toMatchObject({ status: 'succeeded', provider: 'anthropic' });
    runId = summary.runId;
    const events = await eventsOf();
    const l1 = events.find(
      (e) => e.type === 'AtomValidated' && e.data['atomId'] === victim.id && e.data['attempt'] === 1,
    )!;
    const reasons = (l1.data['errors'] as { code: string; message: string }[])
      .filter((e) => e.code === 'network')
      .map((e) => e.message);
    expect(l1.data['passed']).toBe(false);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringContaining('uses fetch'),
        expect.stringContaining('names the network module net'),
        expect.stringContaining('uses process.binding'),
      ]),
    );
    const l3 = events.filter((e) => e.type === 'MilestoneValidated' && e.data['passed'] === false);
    const messages = l3.flatMap((e) => (e.data['errors'] as { message: string }[]).map((m) => m.message));
    const attempts = messages.find((m) => m.includes('escape attempts'));
    expect(attempts).toBeDefined();
    for (const what of ['fetch', 'tcp', 'passwd', 'home', 'env', 'write', 'spawn', 'dlopen'])
      expect(attempts).toContain(`${what}: blocked`);
    expect(attempts).not.toContain('NOT CONTAINED');
    expect(messages.some((m) => m.includes('did not finish within 8000 ms'))).toBe(true);
    const ran = events.filter((e) => e.type === 'MilestoneValidated' || e.type === 'MasterPlanValidated');
    expect(new Set(ran.map((e) => e.data['sandbox']))).toEqual(new Set(['namespace']));
  });

  it("a reviewer's hostile edits are refused by L1 or contained by the sandbox, and the run completes", async () => {
    const file = join(stack.dir, 'edit.ts');
    await writeFile(file, openlyHostile(victim.symbol, targets));
    const refused = await runMge(['review', 'edit', victim.id, '--file', file, '--json'], stack.env);
    expect(`${refused.stdout}${refused.stderr}`).toContain('network');
    await writeFile(file, hoarding(victim.symbol));
    const hoarded = await runMge(['review', 'edit', victim.id, '--file', file, '--json'], stack.env);
    // The reviewer's own attempt crashes at the memory cap; it is the atom's last, so the run ends failed.
    const summary = lastJsonLine<RunSummary>(hoarded.stdout);
    expect(summary).toMatchObject({ runId, status: 'failed' });
    expect(summary.failedAtoms.map((a) => [a.atomId, a.reason.slice(0, 24)])).toEqual([
      [victim.id, 'the tests crashed (exit '],
    ]);
    const events = await eventsOf();
    expect(events.filter((e) => e.type === 'RunCompleted').length).toBeGreaterThanOrEqual(3);
    const edited = events.filter((e) => e.type === 'AtomValidated' && e.data['atomId'] === victim.id);
    expect(
      edited.some((e) => (e.data['errors'] as { code: string }[]).some((x) => x.code === 'network')),
    ).toBe(true);
  });

  it('nothing reached the listener, the bus, the home folder or the world outside the project', async () => {
    expect(seen).toBe(0);
    expect(existsSync(targets.outside)).toBe(false);
    const events = await eventsOf();
    expect(events.every((e) => e.type in eventCatalog)).toBe(true);
    // The hostile code itself is recorded where code is (the model's reply, the attempt), nowhere else.
    const code = ['AtomGenerated', 'AtomEdited', 'ModelCallRecorded'];
    const recorded = events.filter((e) => !code.includes(e.type));
    expect(JSON.stringify(recorded)).not.toContain(FORGED);
  });
});
