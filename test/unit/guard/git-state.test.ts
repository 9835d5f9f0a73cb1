// Reading git's index without running git: what a delete or an overwrite would lose.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileRecovery, modifiedTracked, parseIndex } from '../../../src/core/guard/git-state';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

/** A repository with a clean, a modified, an untracked, an ignored, an empty file and a symlink. */
function repository(indexVersion?: number): string {
  const root = mkdtempSync(join(tmpdir(), 'airlock-git-state-'));
  git(root, 'init', '-q');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'README.md'), 'hello\n');
  writeFileSync(join(root, 'src', 'app.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src', 'same-size.ts'), 'aaaa\n');
  writeFileSync(join(root, '.gitignore'), '*.secret\n');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'init');
  if (indexVersion) git(root, 'update-index', '--index-version', String(indexVersion));
  writeFileSync(join(root, 'src', 'app.ts'), 'export const a = 2; // changed\n');
  // Same size, same mtime second as recorded: only the content differs (git hashes such files too).
  writeFileSync(join(root, 'src', 'same-size.ts'), 'bbbb\n');
  writeFileSync(join(root, 'notes.txt'), 'mine\n');
  writeFileSync(join(root, 'key.secret'), 'x\n');
  writeFileSync(join(root, 'empty.txt'), '');
  symlinkSync('README.md', join(root, 'link.md'));
  // Make README's stat differ from the index while its content does not: it must still count as clean.
  utimesSync(join(root, 'README.md'), new Date(), new Date(Date.now() + 5000));
  return root;
}

for (const version of [undefined, 4]) {
  test(`index ${version ?? 'default'}: clean, modified, untracked, ignored, empty, symlink, missing`, () => {
    const root = repository(version);
    assert.equal(fileRecovery('README.md', root).kind, 'tracked-clean');
    assert.equal(fileRecovery('src/app.ts', root).kind, 'tracked-modified');
    assert.equal(fileRecovery('src/same-size.ts', root).kind, 'tracked-modified');
    assert.equal(fileRecovery('notes.txt', root).kind, 'untracked');
    assert.equal(fileRecovery('key.secret', root).kind, 'untracked');
    assert.equal(fileRecovery('empty.txt', root).kind, 'nothing-to-lose');
    assert.equal(fileRecovery('link.md', root).kind, 'nothing-to-lose');
    assert.equal(fileRecovery('gone.txt', root).kind, 'nothing-to-lose');
    assert.equal(fileRecovery(join(root, 'src', 'app.ts'), '/').kind, 'tracked-modified', 'absolute paths too');
    assert.deepEqual(modifiedTracked('src', root), ['src/app.ts', 'src/same-size.ts']);
    assert.deepEqual(modifiedTracked('README.md', root), []);
    assert.deepEqual(modifiedTracked('.', root), ['src/app.ts', 'src/same-size.ts']);
  });
}

test('outside any repository, and a broken index, are never called recoverable', () => {
  const outside = mkdtempSync(join(tmpdir(), 'airlock-no-repo-'));
  writeFileSync(join(outside, 'data.csv'), 'a,b\n');
  assert.equal(fileRecovery('data.csv', outside).kind, 'outside-repository');
  const root = repository();
  writeFileSync(join(root, '.git', 'index'), 'DIRC garbage');
  assert.equal(fileRecovery('README.md', root).kind, 'unknown');
  assert.equal(modifiedTracked('src', root), 'unknown');
  assert.equal(parseIndex(Buffer.from('not an index')), undefined);
});
