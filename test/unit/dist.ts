import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '../..');

/**
 * The built CLI and launcher in dist/. `npm run test:unit` builds once before any test file starts
 * (AIRLOCK_TEST_DIST_BUILT): files run in parallel, and one rebuilding dist/ while another runs the
 * launcher would change the bundle the launcher pinned by hash. A file run on its own builds here.
 */
export function ensureDist(): { cli: string; launcher: string } {
  const cli = join(root, 'dist/airlock.js');
  const launcher = join(root, 'dist/launcher/airlock');
  if (process.env.AIRLOCK_TEST_DIST_BUILT !== '1' || !existsSync(launcher)) {
    const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    assert.ok(build.status === 0 && existsSync(cli) && existsSync(launcher), `build failed: ${build.stderr}`);
  }
  return { cli, launcher };
}
