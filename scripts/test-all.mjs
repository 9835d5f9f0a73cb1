// `npm test [-- suite...]`: runs the unit, editor and UI suites one after another (the editor
// suites each start a real VS Code; the machine has two cores), shows their output, then each
// suite's counts and, as the very last line, the sum: `N passed, N failed`.
// A suite that crashes or prints no counts is a failure, never zero tests.
import { spawn } from 'node:child_process';
import { parseSummary, root, useScratchTmpDir } from './editor/common.mjs';

useScratchTmpDir();

const suites = [
  { name: 'unit', script: 'test:unit' },
  { name: 'editor', script: 'test:editor' },
  { name: 'ui', script: 'test:ui' },
];

function runSuite({ script }) {
  return new Promise((resolve) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('error', (error) => resolve({ code: 1, summary: null, error }));
    child.on('close', (code) => resolve({ code, summary: parseSummary(tail) }));
  });
}

const wanted = process.argv.slice(2);
const selected = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;
if (selected.length === 0) {
  console.error(`unknown suite(s) ${wanted.join(', ')}; choose from ${suites.map((s) => s.name).join(', ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const rows = [];
for (const suite of selected) {
  const started = Date.now();
  console.log(`\n━━ ${suite.name} (npm run ${suite.script}) ━━`);
  const { code, summary, error } = await runSuite(suite);
  const passed = summary?.passed ?? 0;
  let failed = summary?.failed ?? 0;
  let note = '';
  if (!summary) {
    failed += 1;
    note = error ? ` (could not start: ${error.message})` : ` (crashed with exit code ${code} before reporting counts)`;
  } else if (code !== 0 && failed === 0) {
    failed = 1;
    note = ` (exit code ${code} without a reported failure)`;
  }
  rows.push({ name: suite.name, passed, failed, note, seconds: (Date.now() - started) / 1000 });
}

const width = Math.max(...rows.map((r) => r.name.length)) + 1;
console.log('\n━━ summary ━━');
for (const r of rows) console.log(`${`${r.name}:`.padEnd(width)} ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(0)} s)${r.note}`);
const passed = rows.reduce((sum, r) => sum + r.passed, 0);
const failed = rows.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
