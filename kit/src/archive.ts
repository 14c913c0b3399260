import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { isAbsolute, normalize, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { ValidationFailure } from './errors.js';

/** What an unpacked archive held. */
export interface Unpacked {
  readonly files: number;
  /** Bytes of the `.tar.gz`. */
  readonly size: number;
  /** Hex sha256 of the `.tar.gz`. */
  readonly sha256: string;
}

/** Whether an archive entry's path stays inside the folder it is unpacked into. */
export const isContainedPath = (path: string): boolean => {
  const clean = normalize(path);
  return !isAbsolute(clean) && clean !== '..' && !clean.startsWith(`..${sep}`);
};

/**
 * Unpacks a `.tar.gz` stream into `dir` (created), counting files and hashing the bytes as they pass.
 * Entries that would land outside `dir` (absolute paths, `..`, links) are refused.
 */
export async function unpackTarGz(
  source: ReadableStream<Uint8Array> | Readable,
  dir: string,
): Promise<Unpacked> {
  await mkdir(dir, { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  let files = 0;
  const refused: string[] = [];
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const extract = tar.x({
    cwd: dir,
    strict: true,
    filter: (path, entry) => {
      const type = 'type' in entry ? entry.type : 'File';
      const ok = isContainedPath(path) && (type === 'File' || type === 'Directory');
      if (!ok) refused.push(path);
      else if (type === 'File') files++;
      return ok;
    },
  });
  const input = source instanceof Readable ? source : Readable.fromWeb(source);
  await pipeline(input, tee, extract);
  if (refused.length > 0)
    throw new ValidationFailure(
      `the archive holds entries outside its folder, not unpacked: ${refused.slice(0, 5).join(', ')}`,
    );
  return { files, size, sha256: hash.digest('hex') };
}

/** What a packed folder became. */
export interface Packed {
  readonly bytes: Uint8Array;
  readonly files: number;
  readonly sha256: string;
}

/**
 * Packs a folder (everything under it but `node_modules`) as a `.tar.gz`, with portable headers and
 * one fixed time, so the same files always give the same bytes.
 */
export async function packTarGz(dir: string): Promise<Packed> {
  const entries = (await readdir(dir)).filter((name) => name !== 'node_modules').sort();
  let files = 0;
  const stream = tar.c(
    {
      cwd: dir,
      gzip: true,
      portable: true,
      mtime: new Date(0),
      filter: (path, stat) => {
        if (path.split('/').includes('node_modules')) return false;
        if ('isFile' in stat && stat.isFile()) files++;
        return true;
      },
    },
    entries,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  return { bytes, files, sha256: createHash('sha256').update(bytes).digest('hex') };
}
