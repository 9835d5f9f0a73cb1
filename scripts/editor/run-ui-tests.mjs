// `npm run test:ui [filter...]`: runs every test/ui/*.ui.ts (Playwright against a normal, non-test
// workbench) with Node's test runner, one file at a time (each starts its own code-server; the
// machine has two cores). Builds the extension first and installs the editor once up front.
// Prints the runner's report, then `ui: N passed, N failed`; a file that crashes counts as failed.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension, nodeTestCounter, root, runSuiteMain, useScratchTmpDir } from './common.mjs';
import { ensureEditor } from './install.mjs';

useScratchTmpDir();

const filters = process.argv.slice(2);
// Per file: start-up plus its tests; a hung file is killed rather than hanging `npm test`.
const fileTimeoutMs = Number(process.env.AIRLOCK_UI_FILE_TIMEOUT_MS ?? 300_000);

export function uiFiles(filter = filters) {
  const dir = join(root, 'test/ui');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ui.ts'))
    .map((name) => relative(root, join(dir, name)))
    .filter((file) => filter.length === 0 || filter.some((f) => file.includes(f)))
    .sort();
}

/** Runs node:test on the files; resolves with the counts from its report and its exit code. */
export function runNodeTests(files, { timeoutMs } = {}) {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec'];
    if (timeoutMs) args.push(`--test-timeout=${timeoutMs}`);
    const child = spawn(process.execPath, [...args, ...files], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const counts = nodeTestCounter();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      counts.feed(chunk);
    });
    child.on('close', (code) => resolve({ passed: counts.passed, failed: counts.failed, code }));
  });
}

async function main() {
  const files = uiFiles();
  if (files.length === 0) {
    console.log(`no UI scripts match ${filters.join(' ')}`);
    return { passed: 0, failed: 1 };
  }
  await ensureEditor();
  await buildExtension();
  const { passed, failed: reported, code } = await runNodeTests(files, { timeoutMs: fileTimeoutMs });
  // A non-zero exit with no failure counted (a crash outside any test) is still a failure.
  const failed = reported + ((code !== 0 && reported === 0) || passed + reported === 0 ? 1 : 0);
  return { passed, failed };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runSuiteMain('ui', main);
