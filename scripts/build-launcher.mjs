// Generates dist/launcher/airlock (POSIX sh, the fast path embedded) and dist/launcher/prefilter.sh
// from src/launcher/ and the rule packs' keywords. Bundles src/launcher/generate.ts with esbuild,
// runs it, writes the files. Called by esbuild.mjs after the bundles; runnable on its own.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleAliases } from './bundle-aliases.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes `airlock` and `prefilter.sh` into outDir (default dist/launcher; tests pass their own). */
export async function buildLauncher(outDir = join(root, 'dist/launcher')) {
  const work = mkdtempSync(join(tmpdir(), 'airlock-launcher-'));
  try {
    const out = join(work, 'generate.cjs');
    await esbuild.build({
      entryPoints: [join(root, 'src/launcher/generate.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: out,
      logLevel: 'error',
      alias: bundleAliases,
    });
    const generate = createRequire(import.meta.url)(out);
    mkdirSync(outDir, { recursive: true });
    const launcher = join(outDir, 'airlock');
    writeFileSync(launcher, generate.launcherScript(generate.templatePath(root)));
    chmodSync(launcher, 0o755);
    writeFileSync(join(outDir, 'prefilter.sh'), generate.prefilterScript());
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildLauncher();
