import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { addAirlockHooks, hasAirlockHooks, hookCommand, removeAirlockHooks } from '../../core/protection/hookConfig';
import type { HookTarget } from './hookTargets';

/**
 * Writes and removes Airlock's hook entries. Remembers each file's bytes before Airlock first
 * touched it and after it last wrote it: removal restores the original bytes exactly when the
 * file is as Airlock left it, and otherwise takes out only Airlock's entries.
 * No vscode import: the memory is injected (the extension keeps it in globalState).
 */
export interface InstallMemory {
  get(path: string): { original: string | null; written: string } | undefined;
  set(path: string, value: { original: string | null; written: string } | undefined): Promise<void> | void;
}

function read(path: string): string | undefined {
  try { return readFileSync(path, 'utf8'); } catch { return undefined; }
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.airlock-${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

export type InstallOutcome = 'added' | 'unchanged' | 'removed' | 'absent';

export async function installHooks(target: HookTarget, launcher: string, memory: InstallMemory): Promise<InstallOutcome> {
  const before = read(target.path);
  const after = addAirlockHooks(before, target.file, hookCommand(launcher, target.file));
  if (after === before) return 'unchanged';
  write(target.path, after);
  const known = memory.get(target.path);
  await memory.set(target.path, { original: known && before === known.written ? known.original : before ?? null, written: after });
  return 'added';
}

export async function removeHooks(target: HookTarget, memory: InstallMemory): Promise<InstallOutcome> {
  const current = read(target.path);
  const known = memory.get(target.path);
  if (current === undefined) { await memory.set(target.path, undefined); return 'absent'; }
  if (!hasAirlockHooks(current, target.file) && !/airlock/.test(current)) { await memory.set(target.path, undefined); return 'absent'; }
  if (known && current === known.written) {
    if (known.original === null) unlinkSync(target.path);
    else write(target.path, known.original);
  } else {
    const rest = removeAirlockHooks(current, target.file);
    if (rest === undefined && (!known || known.original === null)) unlinkSync(target.path);
    else write(target.path, rest ?? (target.file === 'cursor' ? '{\n  "version": 1,\n  "hooks": {}\n}\n' : '{}\n'));
  }
  await memory.set(target.path, undefined);
  return 'removed';
}

export function isInstalled(target: HookTarget): boolean {
  return existsSync(target.path) && hasAirlockHooks(read(target.path), target.file);
}

/** True when the hook points at this launcher (not at an older or moved one). */
export function pointsAt(target: HookTarget, launcher: string): boolean {
  const text = read(target.path);
  return text !== undefined && text.includes(JSON.stringify(hookCommand(launcher, target.file)).slice(1, -1));
}
