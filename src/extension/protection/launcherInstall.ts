import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The hook command every agent runs points at `<global storage>/bin/airlock`, which outlives
 * extension updates (the extension folder is replaced on update; global storage is not).
 * On every activation the launcher, the CLI bundle and its assets are copied there again and
 * `airlock.env` says which runtime to use: `node` when installed, else the editor's own
 * executable with ELECTRON_RUN_AS_NODE=1 (many people have no Node).
 */
export interface LauncherPaths {
  binDir: string;
  launcher: string;
  cli: string;
  envFile: string;
  gatesConfig: string;
}

export function launcherPaths(globalStorage: string): LauncherPaths {
  const binDir = join(globalStorage, 'bin');
  return {
    binDir,
    launcher: join(binDir, process.platform === 'win32' ? 'airlock.cmd' : 'airlock'),
    cli: join(binDir, 'airlock.js'),
    envFile: join(binDir, 'airlock.env'),
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
      try { if (statSync(path).isFile()) return path; } catch { /* not here */ }
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
function fallbackLauncher(): string {
  return [
    '#!/bin/sh',
    '# Airlock launcher: runs the bundled CLI with the runtime named in airlock.env (read as data).',
    'here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)',
    'while IFS= read -r line || [ -n "$line" ]; do',
    '  case $line in',
    '    AIRLOCK_CLI=*) AIRLOCK_CLI=${line#*=} ;;',
    '    AIRLOCK_RUNTIME=*) AIRLOCK_RUNTIME=${line#*=} ;;',
    '    AIRLOCK_RUNTIME_IS_ELECTRON=*) AIRLOCK_RUNTIME_IS_ELECTRON=${line#*=} ;;',
    '    AIRLOCK_GATES_CONFIG=*) AIRLOCK_GATES_CONFIG=${line#*=}; export AIRLOCK_GATES_CONFIG ;;',
    '  esac',
    'done < "$here/airlock.env"',
    'if [ "$AIRLOCK_RUNTIME_IS_ELECTRON" = 1 ]; then ELECTRON_RUN_AS_NODE=1 exec "$AIRLOCK_RUNTIME" "$AIRLOCK_CLI" "$@"; fi',
    'exec "$AIRLOCK_RUNTIME" "$AIRLOCK_CLI" "$@"',
    '',
  ].join('\n');
}

function oneLine(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`a path with a line break cannot be used: ${JSON.stringify(value)}`);
  return value;
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
export function refreshLauncher(extensionDist: string, globalStorage: string, protectedFiles: readonly string[], env: NodeJS.ProcessEnv = process.env): RefreshResult {
  const paths = launcherPaths(globalStorage);
  mkdirSync(paths.binDir, { recursive: true });
  const cli = join(extensionDist, 'airlock.js');
  if (!existsSync(cli)) throw new Error(`the bundled CLI is missing (${cli}); reinstall Airlock`);
  copyAtomic(cli, paths.cli, 0o755);
  for (const name of readdirSync(extensionDist)) {
    if (name.endsWith('.wasm')) copyAtomic(join(extensionDist, name), join(paths.binDir, name));
  }
  const node = findNode(env);
  const runtime = node ?? process.execPath;
  const electron = node === undefined;
  writeAtomic(paths.gatesConfig, `${JSON.stringify({ protectedFiles }, null, 2)}\n`);
  writeAtomic(paths.envFile, [
    '# Written by the Airlock extension on every start. Read by the launcher beside it.',
    // One KEY=VALUE a line, values literal (the launcher reads them as data, never as shell code).
    `AIRLOCK_CLI=${oneLine(paths.cli)}`,
    `AIRLOCK_RUNTIME=${oneLine(runtime)}`,
    `AIRLOCK_RUNTIME_IS_ELECTRON=${electron ? 1 : 0}`,
    `AIRLOCK_GATES_CONFIG=${oneLine(paths.gatesConfig)}`,
    '',
  ].join('\n'));
  const bundled = join(extensionDist, 'launcher', 'airlock');
  const fastPath = existsSync(bundled);
  const prefilter = join(extensionDist, 'launcher', 'prefilter.sh');
  if (existsSync(prefilter)) copyAtomic(prefilter, join(paths.binDir, 'prefilter.sh'));
  if (process.platform === 'win32') {
    writeAtomic(paths.launcher, `@echo off\r\n${electron ? 'set ELECTRON_RUN_AS_NODE=1\r\n' : ''}set AIRLOCK_GATES_CONFIG=${paths.gatesConfig}\r\n"${runtime}" "${paths.cli}" %*\r\n`);
  } else if (fastPath) {
    copyAtomic(bundled, paths.launcher, 0o755);
  } else {
    writeAtomic(paths.launcher, fallbackLauncher(), 0o755);
  }
  return { paths, runtime, electron, fastPath };
}
