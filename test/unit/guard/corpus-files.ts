import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Corpus } from '../../corpus/types';

const corpusDir = resolve(__dirname, '../../corpus');
/** Corpus lines run here, so scripts and SQL files they name can be read. */
export const CORPUS_CWD = join(corpusDir, 'fixtures');
const NOT_CORPORA = new Set(['types.ts', 'dcg-disagreements.ts']);

/**
 * Repositories the git corpus runs in (`cd repos/feature && git push --force`). Git cannot commit
 * a `.git` folder, so they are made here, before any corpus line runs.
 */
const REPOSITORY_FIXTURES: Record<string, string> = { feature: 'feature/login', trunk: 'main' };
for (const [name, branch] of Object.entries(REPOSITORY_FIXTURES)) {
  mkdirSync(join(CORPUS_CWD, 'repos', name, '.git'), { recursive: true });
  writeFileSync(join(CORPUS_CWD, 'repos', name, '.git', 'HEAD'), `ref: refs/heads/${branch}\n`);
}

/** Every `test/corpus/<pack>.ts` table. */
export function corpusFiles(): string[] {
  return readdirSync(corpusDir).filter((f) => f.endsWith('.ts') && !NOT_CORPORA.has(f)).sort();
}

export function loadCorpus(file: string): Corpus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(corpusDir, file)) as { default: Corpus }).default;
}
