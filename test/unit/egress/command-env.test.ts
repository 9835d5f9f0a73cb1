import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { locateEgressPreload, SANDBOX_MARKER, sandboxedCommandEnv, withPreload } from '../../../src/core/egress/command-env';
import { EGRESS_PRELOAD_FILE, EGRESS_PRELOAD_FILES } from '../../../src/core/egress/preload-files';
import { refreshLauncher } from '../../../src/extension/protection/launcher-install';
import { ensureDist, root } from '../dist';

const preload = '/opt/airlock/egress-preload.js';

test("the sandboxed command's environment: no ELECTRON_RUN_AS_NODE, the marker, env proxies on, the preload after the person's own NODE_OPTIONS", () => {
  const env = sandboxedCommandEnv({ PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '--max-old-space-size=4096', [SANDBOX_MARKER]: '0' }, preload);
  assert.equal('ELECTRON_RUN_AS_NODE' in env, false, "the editor's runtime flag is not for the command's programs");
  assert.equal(env[SANDBOX_MARKER], '1');
  assert.equal(env.NODE_USE_ENV_PROXY, '1');
  assert.equal(env.NODE_OPTIONS, `--max-old-space-size=4096 --require "${preload}"`);
  assert.equal(env.PATH, '/usr/bin');
  assert.equal(sandboxedCommandEnv({ NODE_USE_ENV_PROXY: '0' }, preload).NODE_USE_ENV_PROXY, '0', "the person's own choice stands");
});

test('a nested airlock run adds the preload once; without a preload NODE_OPTIONS is left as it was', () => {
  const once = sandboxedCommandEnv({}, preload);
  assert.equal(once.NODE_OPTIONS, `--require "${preload}"`);
  assert.equal(sandboxedCommandEnv(once, preload).NODE_OPTIONS, once.NODE_OPTIONS);
  assert.equal(sandboxedCommandEnv({ NODE_OPTIONS: '--trace-warnings' }, null).NODE_OPTIONS, '--trace-warnings');
  assert.equal('NODE_OPTIONS' in sandboxedCommandEnv({}, null), false);
});

test('a preload path with spaces, quotes or backslashes stays one NODE_OPTIONS word', () => {
  assert.equal(withPreload('', '/Users/me/Library/Application Support/Code/x.js'), '--require "/Users/me/Library/Application Support/Code/x.js"');
  assert.equal(withPreload(undefined, '/a "b"\\c.js'), '--require "/a \\"b\\"\\\\c.js"');
});

test("the preload is found beside the CLI bundle, beside the editor's installed copy, and in dist/ from the sources; nowhere else", () => {
  ensureDist();
  assert.equal(locateEgressPreload(join(root, 'dist')), join(root, 'dist', EGRESS_PRELOAD_FILE));
  assert.equal(locateEgressPreload(resolve(root, 'src/core/egress')), join(root, 'dist', EGRESS_PRELOAD_FILE));
  const base = mkdtempSync(join(tmpdir(), 'airlock-preload-install-'));
  try {
    assert.equal(locateEgressPreload(base), undefined);
    const dist = join(base, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'airlock.js'), 'process.exit(0)\n');
    for (const name of EGRESS_PRELOAD_FILES) writeFileSync(join(dist, name), `// ${name}\n`);
    const { paths } = refreshLauncher(dist, join(base, 'storage'), ['**/.env'], process.env);
    assert.equal(locateEgressPreload(paths.binDir), join(paths.binDir, EGRESS_PRELOAD_FILE), 'the editor copies the preload beside the installed CLI');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
