// Bundles the two things Airlock ships: the extension (loaded by the editor) and the
// `airlock` CLI (run by agent hooks and terminal shims on plain Node 20, with no node_modules).

import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildLauncher } from './scripts/build-launcher.mjs';
import { bundleAliases } from './scripts/bundle-aliases.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Runtime assets the bundles load from beside themselves (e.g. a parser's WASM). */
const assets = [
  // [from, to] relative to the project root; added by the features that need them.
  // The shell parser (src/core/shell/parser.ts) loads these two from beside the bundle.
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'dist/tree-sitter.wasm'],
  ['node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'dist/tree-sitter-bash.wasm'],
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  define: { AIRLOCK_VERSION: JSON.stringify(pkg.version) },
  // Keep stack traces readable in development; production traces are redacted anyway.
  keepNames: !production,
  alias: bundleAliases,
};

/**
 * The token scan's worker threads run only the scanner: its own small bundle, embedded in the CLI
 * as a string (started with `eval`), so a worker compiles a fifth of the code and the CLI stays
 * one file (src/core/tokens/scan-worker-source.ts).
 */
async function scanWorkerSource() {
  const result = await esbuild.build({
    ...common,
    entryPoints: [join(root, 'src/core/tokens/scan-worker.ts')],
    sourcemap: false,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

const cliBuild = (workerSource) => ({
  ...common,
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'dist/airlock.js'),
  banner: { js: '#!/usr/bin/env node' },
  // Watch mode leaves it out (it would go stale): workers then load the whole CLI bundle.
  define: workerSource === undefined ? common.define : { ...common.define, AIRLOCK_SCAN_WORKER_SOURCE: JSON.stringify(workerSource) },
});

const builds = [
  { ...common, entryPoints: [join(root, 'src/extension/extension.ts')], outfile: join(root, 'dist/extension.js'), external: ['vscode'] },
  cliBuild(watch ? undefined : await scanWorkerSource()),
  // Loaded with --require by the Node processes in `airlock run`'s sandbox (src/core/egress/command-env.ts),
  // on whichever Node a command brings, so older syntax; the proxy agent it loads on the first fetch.
  { ...common, entryPoints: [join(root, 'src/egress-preload/preload.ts')], outfile: join(root, 'dist/egress-preload.js'), target: 'node16' },
  { ...common, entryPoints: [join(root, 'src/egress-preload/proxy-agent.ts')], outfile: join(root, 'dist/egress-proxy-agent.js'), target: 'node16' },
];

function copyAssets() {
  for (const [from, to] of assets) {
    const src = join(root, from);
    if (!existsSync(src)) throw new Error(`missing build asset ${from}`);
    mkdirSync(dirname(join(root, to)), { recursive: true });
    copyFileSync(src, join(root, to));
  }
  if (existsSync(join(root, 'dist/airlock.js'))) chmodSync(join(root, 'dist/airlock.js'), 0o755);
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...b, plugins: [{ name: 'assets', setup: (build) => build.onEnd(copyAssets) }] })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[airlock] watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  copyAssets();
  // dist/launcher/airlock: the POSIX sh launcher with the fast path generated from the rules.
  await buildLauncher();
}
