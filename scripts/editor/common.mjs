// Small pieces every harness script shares: where the project is, building it, and the one
// summary line per suite that `npm test` (scripts/test-all.mjs) reads and sums.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
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
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    // esbuild's size table is noise when it works; when it fails, it is the explanation.
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the build failed:\n${output}`))));
  });
}

/** The line scripts/test-all.mjs parses: `<suite>: N passed, N failed`. */
export function printSummary(suite, passed, failed) {
  console.log(`${suite}: ${passed} passed, ${failed} failed`);
}

/** Parses the last summary line of a suite's output; null when the suite printed none. */
export function parseSummary(output) {
  const lines = [...output.matchAll(/^[\w:-]+: (\d+) passed, (\d+) failed\s*$/gm)];
  const last = lines.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
}
