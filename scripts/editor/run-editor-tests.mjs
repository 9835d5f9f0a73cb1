// `npm run test:editor [filter...]`: runs test/editor/suite/*.test.ts with mocha INSIDE the
// real extension host of code-server, with Airlock loaded unpacked from this checkout.
//
// 1. builds the extension and compiles the suites (esbuild) into a per-run folder under out/;
// 2. starts code-server on a fresh temporary workspace (test/editor/fixtures/workspace copied in);
// 3. opens the workbench in headless Chromium with developmentOptions naming Airlock and the
//    compiled test entry, and waits for window.codeAutomationExit(code);
// 4. reads the per-test outcomes the entry wrote to results.json and prints the counts.
// A run that crashes, hangs or reports nothing counts as failed, never as zero tests.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleAliases } from '../bundle-aliases.mjs';
import { buildExtension, root, runSuiteMain, useScratchTmpDir } from './common.mjs';
import { startEditor } from './server.mjs';
import { launchBrowser, openWorkbench } from './workbench.mjs';

useScratchTmpDir();

const filters = process.argv.slice(2);
const timeoutMs = Number(process.env.AIRLOCK_EDITOR_TIMEOUT_MS ?? 300_000);

export function suiteFiles(filter = filters) {
  const dir = join(root, 'test/editor/suite');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(dir, name))
    .filter((file) => filter.length === 0 || filter.some((f) => relative(root, file).includes(f)))
    .sort();
}

async function compileSuites(files) {
  mkdirSync(join(root, 'out'), { recursive: true });
  // Inside the repository so `require('mocha')` resolves from node_modules; one folder per run
  // so engineers running the suite at the same time do not overwrite each other's build.
  const outdir = mkdtempSync(join(root, 'out/editor-tests-'));
  await esbuild.build({
    entryPoints: [join(root, 'test/editor/index.ts'), ...files],
    outbase: join(root, 'test/editor'),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    alias: bundleAliases,
    logLevel: 'warning',
  });
  return outdir;
}

function makeWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'airlock-editor-workspace-'));
  const fixtures = join(root, 'test/editor/fixtures/workspace');
  if (existsSync(fixtures)) cpSync(fixtures, workspace, { recursive: true });
  return workspace;
}

function readResults(outdir) {
  try {
    return JSON.parse(readFileSync(join(outdir, 'results.json'), 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  const files = suiteFiles();
  if (files.length === 0) {
    console.log(`no editor suites match ${filters.join(' ')}`);
    return { passed: 0, failed: 1 };
  }
  await buildExtension();
  const outdir = await compileSuites(files);
  const workspace = makeWorkspace();
  let editor;
  let browser;
  let exitCode = null;
  let crash = null;
  try {
    editor = await startEditor({ folder: workspace });
    browser = await launchBrowser();
    const finished = new Promise((resolve) => {
      openWorkbench(browser, editor, {
        developmentPath: root,
        testsPath: join(outdir, 'index.js'),
        onAutomationExit: (code) => resolve(code),
      }).then(
        (page) => {
          page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));
        },
        (error) => {
          crash = error;
          resolve(null);
        },
      );
    });
    let timer;
    exitCode = await Promise.race([
      finished,
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (exitCode === 'timeout') crash = new Error(`the editor suites did not finish within ${timeoutMs / 1000} s`);
  } catch (error) {
    crash = error;
  } finally {
    await browser?.close().catch(() => {});
    if ((crash || !readResults(outdir)?.done) && editor) console.error(`--- code-server log (tail) ---\n${editor.logTail()}`);
    await editor?.stop();
    rmSync(workspace, { recursive: true, force: true });
  }

  const results = readResults(outdir);
  const outcomes = results?.outcomes ?? [];
  for (const outcome of outcomes) {
    console.log(`  ${outcome.state === 'passed' ? '✔' : '✖'} ${outcome.title}`);
    if (outcome.error)
      console.log(
        outcome.error
          .split('\n')
          .map((line) => `      ${line}`)
          .join('\n'),
      );
  }
  const passed = outcomes.filter((o) => o.state === 'passed').length;
  let failed = outcomes.filter((o) => o.state === 'failed').length;
  if (crash) console.error(`editor suites crashed: ${crash.message}`);
  else if (exitCode !== 0) console.error(`the extension host ended the test run with exit code ${exitCode}`);
  if (!results) console.error('the test entry wrote no results: it was never loaded or crashed while loading');
  // Whatever went wrong outside a test (crash, hang, no results, non-zero exit without a
  // recorded failure) is one more failure, so it can never look like success.
  if (crash || !results?.done || (exitCode !== 0 && failed === 0) || passed + failed === 0) failed += 1;
  if (crash) console.error(`compiled suites kept in ${relative(root, outdir)}`);
  else rmSync(outdir, { recursive: true, force: true });
  return { passed, failed };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runSuiteMain('editor', main);
