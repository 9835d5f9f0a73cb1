import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckOptions } from '../../../src/core/guard/engine';
import { readTextFile, resolveFrom } from '../../../src/core/guard/files';
import { fileRecovery, modifiedTracked } from '../../../src/core/guard/git-state';
import type { Corpus } from '../../corpus/types';

const corpusDir = resolve(__dirname, '../../corpus');
/** Where the fixture files (scripts, SQL, package.json, repositories) really are. */
export const FIXTURES_DIR = join(corpusDir, 'fixtures');
/**
 * The directory corpus lines run in. A fixed path outside temp folders: wherever the checkout lives
 * (a CI clone under /tmp, say), `rm -rf src` must not count as a routine temp-folder delete.
 */
export const CORPUS_CWD = '/home/dev/project';

/** Where a path under CORPUS_CWD really is: in the fixtures. */
function fixturePath(path: string, cwd: string): string {
  const full = resolveFrom(cwd, path);
  return full === CORPUS_CWD || full.startsWith(`${CORPUS_CWD}/`) ? FIXTURES_DIR + full.slice(CORPUS_CWD.length) : full;
}

/** Check options for corpus lines: files under CORPUS_CWD are read (and looked up in git) from the fixtures. */
export const CORPUS_OPTIONS: CheckOptions = {
  cwd: CORPUS_CWD,
  readFile: (path, cwd) => readTextFile(fixturePath(path, cwd), '/'),
  exists: (path, cwd) => existsSync(fixturePath(path, cwd)),
  fileRecovery: (path, cwd) => fileRecovery(fixturePath(path, cwd), '/'),
  modifiedTracked: (path, cwd) => modifiedTracked(fixturePath(path, cwd), '/'),
  listDir: (path) => {
    try {
      return readdirSync(fixturePath(path, '/'), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    } catch {
      return undefined;
    }
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
 * A real repository for the single-file and git-discard cases (`cd repos/files && rm notes.txt`),
 * made with git itself so its index is one git wrote: README.md and src/util.ts committed and
 * unchanged; src/app.ts committed, then changed; notes.txt and data/users.csv never committed;
 * debug.log ignored; empty.txt empty. `test/corpus/fixtures/repos/.gitignore` keeps it out of ours.
 */
function makeFilesRepository(target: string): void {
  if (existsSync(join(target, '.git', 'index')) && existsSync(join(target, 'empty.txt'))) return;
  if (existsSync(target)) rmSync(target, { recursive: true, force: true }); // left half-built by an interrupted run
  // Test files run in parallel processes: build aside, then rename into place (atomic; a loser discards its copy).
  const root = `${target}.${process.pid}.tmp`;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'data'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=fixture', '-c', 'user.email=fixture@example.invalid', '-c', 'init.defaultBranch=main', '-c', 'core.autocrlf=false', ...args],
      { cwd: root, stdio: 'ignore' },
    );
  writeFileSync(join(root, 'README.md'), '# files\n');
  writeFileSync(join(root, 'src', 'app.ts'), 'export const answer = 41;\n');
  writeFileSync(join(root, 'src', 'util.ts'), 'export const id = <T>(x: T) => x;\n');
  writeFileSync(join(root, '.gitignore'), '*.log\n');
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'fixture');
  writeFileSync(join(root, 'src', 'app.ts'), 'export const answer = 42; // not committed\n');
  writeFileSync(join(root, 'notes.txt'), 'written by hand, never committed\n');
  writeFileSync(join(root, 'data', 'users.csv'), 'id,email\n1,a@example.invalid\n');
  writeFileSync(join(root, 'debug.log'), 'log line\n');
  writeFileSync(join(root, 'empty.txt'), '');
  try {
    renameSync(root, target);
  } catch {
    rmSync(root, { recursive: true, force: true });
  }
}
makeFilesRepository(join(FIXTURES_DIR, 'repos', 'files'));

/**
 * A package.json past the 1 MB read limit: npm still runs its scripts, so Airlock must ask rather
 * than fall back to a parent folder. Made here so the repository keeps no megabyte of padding.
 */
mkdirSync(join(FIXTURES_DIR, 'oversized'), { recursive: true });
writeFileSync(
  join(FIXTURES_DIR, 'oversized', 'package.json'),
  JSON.stringify({ name: 'oversized', scripts: { build: 'tsc' }, padding: 'x'.repeat(1024 * 1024 + 10) }),
);

/** Every `test/corpus/<pack>.ts` table. */
export function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.ts') && !NOT_CORPORA.has(f))
    .sort();
}

export function loadCorpus(file: string): Corpus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(corpusDir, file)) as { default: Corpus }).default;
}
