import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckOptions } from '../../../src/core/guard/engine';
import { readTextFile, resolveFrom } from '../../../src/core/guard/files';
import type { Corpus } from '../../corpus/types';

const corpusDir = resolve(__dirname, '../../corpus');
/** Where the fixture files (scripts, SQL, package.json, repositories) really are. */
export const FIXTURES_DIR = join(corpusDir, 'fixtures');
/**
 * The directory corpus lines run in. A fixed path outside temp folders: wherever the checkout lives
 * (a CI clone under /tmp, say), `rm -rf src` must not count as a routine temp-folder delete.
 */
export const CORPUS_CWD = '/home/dev/project';

/** Check options for corpus lines: files under CORPUS_CWD are read from the fixtures. */
/** Where a path under CORPUS_CWD really is: in the fixtures. */
function fixturePath(path: string, cwd: string): string {
  const full = resolveFrom(cwd, path);
  return full === CORPUS_CWD || full.startsWith(`${CORPUS_CWD}/`) ? FIXTURES_DIR + full.slice(CORPUS_CWD.length) : full;
}

export const CORPUS_OPTIONS: CheckOptions = {
  cwd: CORPUS_CWD,
  readFile: (path, cwd) => readTextFile(fixturePath(path, cwd), '/'),
  exists: (path, cwd) => existsSync(fixturePath(path, cwd)),
  listDir: (path) => {
    try { return readdirSync(fixturePath(path, '/'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name); } catch { return undefined; }
  },
};
const NOT_CORPORA = new Set(['types.ts', 'dcg-disagreements.ts']);

/**
 * Repositories the git corpus runs in (`cd repos/feature && git push --force`). Git cannot commit
 * a `.git` folder, so they are made here, before any corpus line runs.
 */
const REPOSITORY_FIXTURES: Record<string, string> = { feature: 'feature/login', trunk: 'main' };
for (const [name, branch] of Object.entries(REPOSITORY_FIXTURES)) {
  mkdirSync(join(FIXTURES_DIR, 'repos', name, '.git'), { recursive: true });
  writeFileSync(join(FIXTURES_DIR, 'repos', name, '.git', 'HEAD'), `ref: refs/heads/${branch}\n`);
}

/**
 * A package.json past the 1 MB read limit: npm still runs its scripts, so Airlock must ask rather
 * than fall back to a parent folder. Made here so the repository keeps no megabyte of padding.
 */
mkdirSync(join(FIXTURES_DIR, 'oversized'), { recursive: true });
writeFileSync(join(FIXTURES_DIR, 'oversized', 'package.json'), JSON.stringify({ name: 'oversized', scripts: { build: 'tsc' }, padding: 'x'.repeat(1024 * 1024 + 10) }));

/** Every `test/corpus/<pack>.ts` table. */
export function corpusFiles(): string[] {
  return readdirSync(corpusDir).filter((f) => f.endsWith('.ts') && !NOT_CORPORA.has(f)).sort();
}

export function loadCorpus(file: string): Corpus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(corpusDir, file)) as { default: Corpus }).default;
}
