import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Corpus } from '../../corpus/types';

const corpusDir = resolve(__dirname, '../../corpus');
/** Corpus lines run here, so scripts and SQL files they name can be read. */
export const CORPUS_CWD = join(corpusDir, 'fixtures');
const NOT_CORPORA = new Set(['types.ts', 'dcg-disagreements.ts']);

/** Every `test/corpus/<pack>.ts` table. */
export function corpusFiles(): string[] {
  return readdirSync(corpusDir).filter((f) => f.endsWith('.ts') && !NOT_CORPORA.has(f)).sort();
}

export function loadCorpus(file: string): Corpus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(corpusDir, file)) as { default: Corpus }).default;
}
