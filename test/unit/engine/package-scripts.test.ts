// Workspaces and the script shell, from in-memory files.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scriptShellOf, workspaceDirs } from '../../../src/core/shell/package-scripts';

const files = {
  read: (p: string) =>
    (
      ({
        '/r/packages/a/package.json': '{"name":"@x/a"}',
        '/r/packages/b/package.json': '{"name":"@x/b"}',
        '/r/pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n',
      }) as Record<string, string>
    )[p],
  list: (p: string) => (({ '/r/packages': ['a', 'b'], '/r/apps': ['web'] }) as Record<string, string[]>)[p],
};

test('workspaces: globs, names, paths, pnpm-workspace.yaml; unknowable ones say why', () => {
  assert.deepEqual(workspaceDirs('/r', { workspaces: ['packages/*'] }, 'all', files), { dirs: ['/r/packages/a', '/r/packages/b'] });
  assert.deepEqual(workspaceDirs('/r', { workspaces: { packages: ['packages/*', '!packages/b'] } }, 'all', files), { dirs: ['/r/packages/a'] });
  assert.deepEqual(workspaceDirs('/r', { workspaces: ['packages/*'] }, ['@x/b'], files), { dirs: ['/r/packages/b'] });
  assert.deepEqual(workspaceDirs('/r', { workspaces: ['packages/*'] }, ['packages/a'], files), { dirs: ['/r/packages/a'] });
  assert.deepEqual(workspaceDirs('/r', {}, 'all', files), { dirs: ['/r/apps/web'] });
  assert.ok('unknown' in workspaceDirs('/r', { workspaces: ['packages/**'] }, 'all', files));
  assert.ok('unknown' in workspaceDirs('/r', { workspaces: ['packages/*'] }, ['nope'], files));
  assert.ok('unknown' in workspaceDirs('/q', {}, 'all', { read: () => undefined, list: () => undefined }));
});

test('.npmrc script-shell', () => {
  assert.equal(scriptShellOf('script-shell=./tools/sh\n'), './tools/sh');
  assert.equal(scriptShellOf('script-shell = /bin/bash\nfund=false'), '/bin/bash');
  assert.equal(scriptShellOf('fund=false'), undefined);
  assert.equal(scriptShellOf(undefined), undefined);
});
