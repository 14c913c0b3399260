import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseJsonRecord, writeFileAtomically } from './files.js';

const dir = mkdtempSync(join(tmpdir(), 'mge-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('replaces the file whole, with the mode asked for, and leaves no temporary file', async () => {
    const path = join(dir, 'secret.json');
    writeFileSync(path, 'old', { mode: 0o644 });
    await writeFileAtomically(path, 'new', 0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secret.json']);
  });
});

describe('parseJsonRecord', () => {
  const Record = z.object({ pid: z.number() });
  it('reads a record, and takes anything else for none', () => {
    expect(parseJsonRecord(Record, '{"pid":7}')).toEqual({ pid: 7 });
    expect(parseJsonRecord(Record, undefined)).toBeUndefined();
    expect(parseJsonRecord(Record, '{ half')).toBeUndefined();
    expect(parseJsonRecord(Record, '{"pid":"7"}')).toBeUndefined();
  });
});
