import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { hookCommand } from '../../core/protection/hook-config';
import { noteOwnWrite } from '../../core/protection/own-writes';
import type { HookTarget } from './hook-targets';

/**
 * Writes and removes Airlock's hook entries. Remembers each file's bytes before Airlock first
 * touched it and after it last wrote it: removal restores the original bytes exactly when the
 * file is as Airlock left it, and otherwise takes out only Airlock's entries. It also remembers
 * the folders it had to create, and removes them again when they are left empty.
 * No vscode import: the memory is injected (the extension keeps it in globalState).
 */
export interface InstallRecord {
  original: string | null;
  written: string;
  /** Folders Airlock created for this file, deepest first. */
  createdDirs?: string[];
}

export interface InstallMemory {
  get(path: string): InstallRecord | undefined;
  set(path: string, value: InstallRecord | undefined): Promise<void> | void;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The folders between `path` and the first that exists, deepest first. */
function missingDirs(path: string): string[] {
  const out: string[] = [];
  for (let dir = dirname(path); !existsSync(dir); dir = dirname(dir)) {
    out.push(dir);
    if (dirname(dir) === dir) break;
  }
  return out;
}

function write(path: string, text: string, executable = false): void {
  noteOwnWrite(path, text);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.airlock-${process.pid}.tmp`;
  writeFileSync(temp, text);
  if (executable) chmodSync(temp, 0o755);
  renameSync(temp, path);
}

/** Where the folders Airlock created are remembered while another of its files still lives in them. */
const folderKey = (dir: string) => `${dir}${sep}`;

/**
 * Removes folders Airlock created, deepest first, as long as they are empty. Two agents can
 * share a folder Airlock created (.github/hooks holds VS Code's and Copilot CLI's files): what
 * cannot go yet is remembered under the folder, and goes with the last file.
 */
async function removeEmptyDirs(file: string, dirs: string[] | undefined, memory: InstallMemory): Promise<void> {
  const parent = dirname(file);
  const held = memory.get(folderKey(parent))?.createdDirs ?? [];
  const all = [...new Set([...(dirs ?? []), ...held])].sort((a, b) => b.length - a.length);
  if (held.length) await memory.set(folderKey(parent), undefined);
  const left = all.filter((dir) => {
    try {
      if (readdirSync(dir).length === 0) {
        rmdirSync(dir);
        return false;
      }
      return true;
    } catch {
      return false;
    }
  });
  if (left.length && left.includes(parent)) await memory.set(folderKey(parent), { original: null, written: '', createdDirs: left });
}

export type InstallOutcome = 'added' | 'unchanged' | 'removed' | 'absent';

export async function installHooks(target: HookTarget, launcher: string, memory: InstallMemory): Promise<InstallOutcome> {
  const before = read(target.path);
  const after = target.format.add(before, hookCommand(launcher, target.agent));
  if (after === before) return 'unchanged';
  const created = before === undefined ? missingDirs(target.path) : [];
  write(target.path, after, target.format.executable);
  const known = memory.get(target.path);
  const continued = known && before === known.written;
  await memory.set(target.path, {
    original: continued ? known.original : (before ?? null),
    written: after,
    createdDirs: continued ? known.createdDirs : created,
  });
  return 'added';
}

export async function removeHooks(target: HookTarget, memory: InstallMemory): Promise<InstallOutcome> {
  const current = read(target.path);
  const known = memory.get(target.path);
  if (current === undefined) {
    await memory.set(target.path, undefined);
    await removeEmptyDirs(target.path, known?.createdDirs, memory);
    return 'absent';
  }
  if (!target.format.has(current) && !/airlock/.test(current)) {
    await memory.set(target.path, undefined);
    return 'absent';
  }
  let deleted = false;
  if (known && current === known.written) {
    if (known.original === null) {
      noteOwnWrite(target.path, undefined);
      unlinkSync(target.path);
      deleted = true;
    } else write(target.path, known.original, target.format.executable);
  } else {
    const rest = target.format.remove(current);
    if (rest === undefined && (!known || known.original === null)) {
      noteOwnWrite(target.path, undefined);
      unlinkSync(target.path);
      deleted = true;
    } else write(target.path, rest ?? (target.agent === 'cursor' ? '{\n  "version": 1,\n  "hooks": {}\n}\n' : '{}\n'), target.format.executable);
  }
  if (deleted) await removeEmptyDirs(target.path, known?.createdDirs, memory);
  await memory.set(target.path, undefined);
  return 'removed';
}

export function isInstalled(target: HookTarget): boolean {
  return existsSync(target.path) && target.format.has(read(target.path));
}

/** True when the hook points at this launcher (not at an older or moved one). */
export function pointsAt(target: HookTarget, launcher: string): boolean {
  const text = read(target.path);
  return text !== undefined && text.includes(target.format.encode(hookCommand(launcher, target.agent)));
}
