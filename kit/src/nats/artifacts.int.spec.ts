import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as tar from 'tar';
import { buckets } from '@mge/contracts';
import { unpackTarGz } from '../archive.js';
import { ValidationFailure } from '../errors.js';
import { startTestBus, testRunId } from '../testing/index.js';
import { openArtifactReader, openArtifactStore } from './artifacts.js';

const DAY_MS = 86_400_000;

describe('artifacts in the JetStream object store', () => {
  let env: Awaited<ReturnType<typeof startTestBus>>;
  let dir: string;

  beforeAll(async () => {
    env = await startTestBus();
    dir = await mkdtemp(join(tmpdir(), 'mge-artifacts-'));
    const project = join(dir, 'project');
    for (const [path, text] of [
      ['src/main.ts', 'export const x = 1;\n'],
      ['dist/main.js', 'export const x = 1;\n'],
      ['README.md', '# project\n'],
      ['node_modules/dep/index.js', 'left out\n'],
    ] as const) {
      await mkdir(join(project, path, '..'), { recursive: true });
      await writeFile(join(project, path), text);
    }
  });
  afterAll(async () => {
    await env.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a project, reads it back byte for byte and unpacks it, node_modules left out', async () => {
    const store = await openArtifactStore(env.bus.nc, { ttlMs: DAY_MS });
    const runId = testRunId();
    const stored = await store.put(runId, join(dir, 'project'));
    expect(stored.files).toBe(3);
    const read = await store.read(runId);
    const chunks: Uint8Array[] = [];
    for await (const chunk of read!.stream as AsyncIterable<Uint8Array>) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(stored.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);
    expect(read!.sha256).toBe(stored.sha256);
    const out = join(dir, 'unpacked');
    expect(await (await openArtifactReader(env.bus.nc)).unpack(runId, out)).toEqual({
      files: 3,
      size: stored.size,
      sha256: stored.sha256,
    });
    expect((await readdir(out)).sort()).toEqual(['README.md', 'dist', 'src']);
    expect(await readFile(join(out, 'src/main.ts'), 'utf8')).toBe('export const x = 1;\n');
    expect(await (await openArtifactReader(env.bus.nc)).read(testRunId())).toBeUndefined();
  });

  it('packs the same files to the same bytes, and keeps its retention on the bucket', async () => {
    const store = await openArtifactStore(env.bus.nc, { ttlMs: DAY_MS });
    const [a, b] = [
      await store.put(testRunId(), join(dir, 'project')),
      await store.put(testRunId(), join(dir, 'project')),
    ];
    expect(a.sha256).toBe(b.sha256);
    const info = await env.bus.jsm.streams.info(`OBJ_${buckets.artifacts}`);
    expect(info.config.max_age).toBe(DAY_MS * 1_000_000);
    await openArtifactStore(env.bus.nc, { ttlMs: 2 * DAY_MS }); // a changed retention reaches the bucket
    expect((await env.bus.jsm.streams.info(`OBJ_${buckets.artifacts}`)).config.max_age).toBe(
      2 * DAY_MS * 1_000_000,
    );
  });

  it('refuses an archive whose entries would land outside its folder', async () => {
    const inner = join(dir, 'evil', 'inner');
    await mkdir(inner, { recursive: true });
    await writeFile(join(dir, 'evil', 'escaped.txt'), 'outside\n');
    const archive = tar.c({ cwd: inner, gzip: true, preservePaths: true }, ['../escaped.txt']);
    const target = join(dir, 'target', 'project');
    await expect(unpackTarGz(Readable.from(archive as AsyncIterable<Buffer>), target)).rejects.toBeInstanceOf(
      ValidationFailure,
    );
    expect(await readdir(join(dir, 'target'))).toEqual(['project']);
  });
});
