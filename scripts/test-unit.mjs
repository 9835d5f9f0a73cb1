// Runs every unit test (test/unit/**/*.test.ts) with Node's built-in runner, TypeScript via tsx.
// Prints the runner's own report, then one summary line the top-level `npm test` sums up.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nodeTestCounter, useScratchTmpDir } from './editor/common.mjs';

useScratchTmpDir();

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...find(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = find(join(root, 'test/unit'))
  .map((f) => relative(root, f))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

// One build for every file: they run in parallel, and a file rebuilding dist/ while another runs
// the launcher would swap the bundle the launcher pinned by hash (test/unit/dist.ts).
const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  console.log('unit: 0 passed, 1 failed');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  env: { ...process.env, AIRLOCK_TEST_DIST_BUILT: '1' },
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
// Counted as the output streams: a long failure report after the totals must not hide them.
const counts = nodeTestCounter();
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  counts.feed(chunk);
});
child.on('close', (code) => {
  const { passed, failed } = counts;
  console.log(`unit: ${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
});
