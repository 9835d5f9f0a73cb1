// Runs every unit test (test/unit/**/*.test.ts) with Node's built-in runner, TypeScript via tsx.
// Prints the runner's own report, then one summary line the top-level `npm test` sums up.
import { spawn } from 'node:child_process';
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

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
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
