// Small pieces every harness script shares: where the project is, building it, and the one
// summary line per suite that `npm test` (scripts/test-all.mjs) reads and sums.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a command to its end with inherited output; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Builds dist/ (extension + CLI); `production` gives the minified build that ships. */
export function buildExtension({ production = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'esbuild.mjs'), ...(production ? ['--production'] : [])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    // esbuild's size table is noise when it works; when it fails, it is the explanation.
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the build failed:\n${output}`))));
  });
}

/** The line scripts/test-all.mjs parses: `<suite>: N passed, N failed`. */
export function printSummary(suite, passed, failed) {
  console.log(`${suite}: ${passed} passed, ${failed} failed`);
}

/**
 * Runs a suite runner's main() (resolving to its counts), prints the summary line and exits with
 * its status; a runner that throws is one failure, never zero tests.
 */
export function runSuiteMain(suite, main) {
  main().then(
    ({ passed, failed }) => {
      printSummary(suite, passed, failed);
      process.exit(failed === 0 ? 0 : 1);
    },
    (error) => {
      console.error(error);
      printSummary(suite, 0, 1);
      process.exit(1);
    },
  );
}

/** Parses the last summary line of a suite's output; null when the suite printed none. */
export function parseSummary(output) {
  const lines = [...output.matchAll(/^[\w:-]+: (\d+) passed, (\d+) failed\s*$/gm)];
  const last = lines.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
}

/**
 * The environment minus what an outer `npm run` exported (npm_config_*, npm_node_execpath, NODE):
 * an inner npm would take them as its own configuration (code-server's postinstall reads the Node
 * version from npm_config_user_agent, which then says Node 20), and the editor's terminals would
 * inherit them.
 */
export function withoutNpmVariables(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE'));
}

/**
 * Reads the totals of Node's test runner (`ℹ pass 12` lines of the spec reporter) from its output
 * as it streams by: a long failure report after them must not push them out of a buffer.
 */
export function nodeTestCounter() {
  let pending = '';
  const totals = { pass: 0, fail: 0, cancelled: 0 };
  return {
    feed(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = /^[ℹ#] (pass|fail|cancelled) (\d+)\s*$/.exec(line);
        if (match) totals[match[1]] = Number(match[2]);
      }
    },
    get passed() {
      return totals.pass;
    },
    get failed() {
      return totals.fail + totals.cancelled;
    },
  };
}

const SCRATCH_PREFIX = 'airlock-tests-';

/**
 * Points TMPDIR (inherited by every test process, editor and terminal) at one fresh folder and
 * removes it when this process exits, so a test run leaves nothing in /tmp whatever each test
 * forgets to clean. An outer runner's scratch folder is reused, not nested: the path stays short
 * enough for the Unix sockets created under it.
 */
export function useScratchTmpDir() {
  if (basename(process.env.TMPDIR ?? '').startsWith(SCRATCH_PREFIX)) return process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), SCRATCH_PREFIX));
  process.env.TMPDIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
  return dir;
}
