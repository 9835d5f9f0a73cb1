import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { EGRESS_PRELOAD_FILES } from '../../core/egress/preload-files';
import { INSTALLED_BEGIN, INSTALLED_END, type InstalledSettings, installedLauncher } from '../../launcher/install';

/**
 * The hook command every agent runs points at `<global storage>/bin/airlock`, which outlives
 * extension updates (the extension folder is replaced on update; global storage is not).
 * On every activation the launcher, the CLI bundle and its assets are copied there again. The
 * runtime (`node` when installed, else the editor's own executable with ELECTRON_RUN_AS_NODE=1:
 * many people have no Node), the CLI's path, the protected-file words and the SHA-256 of every
 * file the launcher hands a call to are written INTO the launcher (src/launcher/install.ts): no
 * file beside it can redirect it, and a changed CLI, WASM or gates.json makes it refuse.
 */
export interface LauncherPaths {
  binDir: string;
  launcher: string;
  cli: string;
  gatesConfig: string;
}

export function launcherPaths(globalStorage: string): LauncherPaths {
  const binDir = join(globalStorage, 'bin');
  return {
    binDir,
    launcher: join(binDir, process.platform === 'win32' ? 'airlock.cmd' : 'airlock'),
    cli: join(binDir, 'airlock.js'),
    gatesConfig: join(binDir, 'gates.json'),
  };
}

/** Finds `node` on PATH; undefined when there is none. */
export function findNode(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names = process.platform === 'win32' ? ['node.exe', 'node.cmd'] : ['node'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const path = join(dir, name);
      try {
        if (statSync(path).isFile()) return path;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/** Copies a file through a temp name, so a hook running right now never sees half a file. */
function copyAtomic(from: string, to: string, mode?: number): void {
  const temp = `${to}.${process.pid}.tmp`;
  copyFileSync(from, temp);
  if (mode !== undefined) chmodSync(temp, mode);
  renameSync(temp, to);
}

function writeAtomic(to: string, text: string, mode = 0o644): void {
  const temp = `${to}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, to);
}

/** A plain launcher for when the bundled one (with its shell fast path) is missing from the build. */
function fallbackTemplate(): string {
  return [
    '#!/bin/sh',
    '# Airlock launcher without the shell fast path: runs the CLI its installed settings name.',
    INSTALLED_BEGIN,
    INSTALLED_END,
    'airlock_sha256() { if command -v sha256sum >/dev/null 2>&1; then sha256sum -- "$@"; elif command -v shasum >/dev/null 2>&1; then shasum -a 256 -- "$@"; else return 1; fi; }',
    'airlock_actual=$(airlock_installed_files 2>/dev/null) || airlock_actual=',
    'if [ "$airlock_actual" != "$AIRLOCK_SHA256" ]; then echo "airlock: the files beside the launcher are not the ones the editor installed; reopen the editor to reinstall them" >&2; [ "${1:-}" = hook ] && exit 2; exit 1; fi',
    'if [ "$AIRLOCK_RUNTIME_IS_ELECTRON" = 1 ]; then ELECTRON_RUN_AS_NODE=1 exec "$AIRLOCK_RUNTIME" "$AIRLOCK_CLI" "$@"; fi',
    'exec "$AIRLOCK_RUNTIME" "$AIRLOCK_CLI" "$@"',
    '',
  ].join('\n');
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export interface RefreshResult {
  paths: LauncherPaths;
  runtime: string;
  electron: boolean;
  /** False when the build had no launcher with the shell fast path (a plain one was written). */
  fastPath: boolean;
}

/**
 * Installs or refreshes the launcher from the extension's `dist/`. Idempotent; cheap enough to
 * run on every activation (a few small copies).
 */
export function refreshLauncher(
  extensionDist: string,
  globalStorage: string,
  protectedFiles: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): RefreshResult {
  const paths = launcherPaths(globalStorage);
  mkdirSync(paths.binDir, { recursive: true });
  const cli = join(extensionDist, 'airlock.js');
  if (!existsSync(cli)) throw new Error(`the bundled CLI is missing (${cli}); reinstall Airlock`);
  copyAtomic(cli, paths.cli, 0o755);
  for (const name of readdirSync(extensionDist)) {
    // The egress preload goes too: `airlock run` hands sandboxed Node processes the one beside the CLI.
    if (name.endsWith('.wasm') || (EGRESS_PRELOAD_FILES as readonly string[]).includes(name)) copyAtomic(join(extensionDist, name), join(paths.binDir, name));
  }
  const node = findNode(env);
  const runtime = node ?? process.execPath;
  const electron = node === undefined;
  writeAtomic(paths.gatesConfig, `${JSON.stringify({ protectedFiles }, null, 2)}\n`);
  // Older versions read settings from airlock.env beside the launcher; nothing reads it now.
  rmSync(join(paths.binDir, 'airlock.env'), { force: true });
  const bundled = join(extensionDist, 'launcher', 'airlock');
  const fastPath = existsSync(bundled);
  const prefilter = join(extensionDist, 'launcher', 'prefilter.sh');
  if (existsSync(prefilter)) copyAtomic(prefilter, join(paths.binDir, 'prefilter.sh'));
  if (process.platform === 'win32') {
    writeAtomic(
      paths.launcher,
      `@echo off\r\n${electron ? 'set ELECTRON_RUN_AS_NODE=1\r\n' : ''}set AIRLOCK_GATES_CONFIG=${paths.gatesConfig}\r\n"${runtime}" "${paths.cli}" %*\r\n`,
    );
    return { paths, runtime, electron, fastPath };
  }
  const loaded = [
    paths.cli,
    paths.gatesConfig,
    ...readdirSync(paths.binDir)
      .filter((n) => n.endsWith('.wasm'))
      .sort()
      .map((n) => join(paths.binDir, n)),
  ];
  const settings: InstalledSettings = {
    home: paths.binDir,
    cli: paths.cli,
    runtime,
    electron,
    gatesConfig: paths.gatesConfig,
    protectedFiles,
    files: loaded.map((path) => ({ path, sha256: sha256(path) })),
  };
  writeAtomic(paths.launcher, installedLauncher(fastPath ? readFileSync(bundled, 'utf8') : fallbackTemplate(), settings), 0o755);
  return { paths, runtime, electron, fastPath };
}
