import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationFailure } from '@mge/kit/errors';
import { joinCorpora, parseCorpus, type CorpusEntry } from './corpus.js';

/** The labelled corpus shipped with the offline provider. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

/** Every `*.yaml` file of a corpus folder, in name order. */
export async function loadCorpus(dir: string = DEFAULT_CORPUS_DIR): Promise<CorpusEntry[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new ValidationFailure(`cannot read the corpus folder ${dir}`, [reason]);
  });
  const files = names.filter((n) => /\.ya?ml$/.test(n)).sort();
  if (files.length === 0) throw new ValidationFailure(`${dir} holds no .yaml corpus files`);
  const parsed = await Promise.all(
    files.map(async (name) => ({
      file: name,
      entries: parseCorpus(await readFile(join(dir, name), 'utf8'), name),
    })),
  );
  return joinCorpora(parsed);
}
