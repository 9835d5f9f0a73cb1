// `npm run package [-- --out path.vsix]`: the production build, then a .vsix made by @vscode/vsce
// holding only what runs (the bundles, media, manifest, LICENSE: .vscodeignore decides) and, as its
// README, the short user guide in docs/marketplace/README.md (the repository's README is for developers).
// Everything is bundled by esbuild, so no node_modules are packed (--no-dependencies).
// Prints the packed files and the size.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension, root } from './editor/common.mjs';

const pkg = createRequire(import.meta.url)(join(root, 'package.json'));
export const defaultVsixPath = join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');

/** Builds and packs; resolves with the .vsix path and its size. */
export async function packageExtension(out = defaultVsixPath) {
  await buildExtension({ production: true });
  // vsce's secret scan flags Airlock's own token detectors (their patterns and redaction
  // examples look like Slack/AWS/GitHub tokens by design); the package holds no real secret.
  await vsceRun([
    'package',
    '--no-dependencies',
    '--allow-package-all-secrets',
    '--allow-missing-repository',
    '--readme-path',
    'docs/marketplace/README.md',
    ...readmeLinkBase(),
    '--out',
    out,
  ]);
  return { path: out, bytes: statSync(out).size };
}

/**
 * vsce refuses a README with relative links (`test/ui/README.md`) unless it can tell where they
 * point; it only guesses for GitHub/GitLab. Point them at the manifest's repository.
 */
function readmeLinkBase() {
  const url = (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url)?.replace(/^git\+/, '').replace(/\.git$/, '');
  if (!url?.startsWith('https://')) return [];
  return ['--baseContentUrl', `${url}/blob/HEAD`, '--baseImagesUrl', `${url}/raw/HEAD`];
}

function vsceRun(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [vsce, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`vsce ${args[0]} failed (exit ${code}):\n${output}`))));
  });
}

/** The files a .vsix holds (vsce ls uses the same rules as package). */
export async function packagedFiles() {
  return (await vsceRun(['ls', '--no-dependencies']))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : defaultVsixPath;
  try {
    const { path, bytes } = await packageExtension(out);
    const files = await packagedFiles();
    console.log(files.map((file) => `  ${file}`).join('\n'));
    console.log(`${relative(process.cwd(), path) || path}: ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes), ${files.length} files`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
