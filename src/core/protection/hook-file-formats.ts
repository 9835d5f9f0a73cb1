import { applyEdits, type FormattingOptions, findNodeAtLocation, format, modify, type ParseError, parse, parseTree } from 'jsonc-parser';
import type { HookFileFormat } from './agents/types';

/**
 * How Airlock's entry goes into and out of each kind of hook file, with jsonc-parser edits:
 * comments, formatting, key order and other hooks stay as they were. Adding twice changes
 * nothing; removing takes out exactly Airlock's entries. No agent knowledge here (the agent
 * modules describe their files with these), so the modules can import it without a cycle.
 */

/** True for a hook command Airlock installed: `… airlock hook <agent>` in any quoting. */
export function isAirlockCommand(command: unknown): boolean {
  return typeof command === 'string' && AIRLOCK_COMMAND.test(command);
}
const AIRLOCK_COMMAND = /airlock(?:\.cmd|\.sh)?\\?["']?\s+hook\s+[a-z][a-z0-9-]*\b/;

/** A JSON file Airlock will not edit, with the reason (shown to the person, never overwritten). */
export class UnreadableHookFile extends Error {}

export function quoteLauncher(launcher: string, platform: NodeJS.Platform = process.platform): string {
  // Windows paths cannot hold a double quote, and cmd.exe treats backslashes literally.
  const plain = platform === 'win32' ? /^[A-Za-z0-9_./:@+\\-]+$/ : /^[A-Za-z0-9_./:@+-]+$/;
  return plain.test(launcher) ? launcher : platform === 'win32' ? `"${launcher}"` : `"${launcher.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** One list in a JSON hook file that holds Airlock's entry (e.g. `hooks.PreToolUse`). */
export interface JsonHookList {
  path: string[];
  entry: (command: string) => unknown;
  /**
   * An observe-only event (the edit already happened; src/core/hooks/observed-edit.ts): added and
   * removed with the rest, but a file without it still counts as guarded, since it blocks nothing.
   */
  observeOnly?: boolean;
}

/**
 * A JSON hook file: where the lists are, what a new file looks like, and which top-level keys
 * alone do not make the file worth keeping (`version`).
 */
export function jsonHookFormat(spec: { skeleton: string; lists: JsonHookList[]; emptyKeys?: string[] }): HookFileFormat {
  const emptyKeys = new Set(spec.emptyKeys ?? []);
  return {
    encode: (command) => JSON.stringify(command).slice(1, -1),
    add(text, command) {
      let out = text ?? '';
      if (out.trim() === '') out = spec.skeleton;
      const root = parseObject(out);
      for (const [key, value] of Object.entries(parseObject(spec.skeleton))) {
        if (key !== 'hooks' && root[key] === undefined) out = edit(out, [key], value);
      }
      for (const list of spec.lists) {
        checkContainers(parseObject(out), list.path);
        const current = valueAt(parseObject(out), list.path);
        if (current !== undefined && !Array.isArray(current)) throw new UnreadableHookFile(`its "${list.path.join('.')}" is not a list`);
        const wanted = list.entry(command);
        const index = (current ?? []).findIndex(entryIsOurs);
        if (index >= 0) {
          // Already there: refresh it only if it differs (e.g. the launcher moved), else leave the bytes alone.
          if (JSON.stringify((current as unknown[])[index]) !== JSON.stringify(wanted)) out = edit(out, [...list.path, index], wanted);
        } else if (current === undefined) {
          out = edit(out, list.path, [wanted]);
        } else {
          out = edit(out, [...list.path, (current as unknown[]).length], wanted);
        }
      }
      return out;
    },
    remove(text) {
      let out = text;
      const before = parseObject(out);
      for (const list of spec.lists) {
        for (;;) {
          const current = valueAt(parseObject(out), list.path);
          if (!Array.isArray(current)) break;
          const index = current.findIndex(entryIsOurs);
          if (index < 0) break;
          out = current.length === 1 ? edit(out, list.path, undefined) : removeElement(out, list.path, index);
        }
        // Containers that only held Airlock's entries go too; one that was empty before stays, as it was.
        for (let depth = list.path.length - 1; depth >= 1; depth--) {
          const prefix = list.path.slice(0, depth);
          const now = valueAt(parseObject(out), prefix);
          const was = valueAt(before, prefix);
          if (isEmptyObject(now) && was && typeof was === 'object' && Object.keys(was as object).length > 0) out = edit(out, prefix, undefined);
        }
      }
      const rest = parseObject(out);
      const keys = Object.keys(rest).filter((k) => !emptyKeys.has(k));
      return keys.length === 0 && !hasComments(out) ? undefined : out;
    },
    asWritten(text, command) {
      if (!text) return false;
      try {
        const root = parseObject(text);
        return spec.lists.every((list) => {
          const v = valueAt(root, list.path);
          const ours = Array.isArray(v) ? v.find(entryIsOurs) : undefined;
          if (ours === undefined) return list.observeOnly === true;
          return JSON.stringify(ours) === JSON.stringify(list.entry(command));
        });
      } catch {
        return false;
      }
    },
    has(text) {
      if (!text) return false;
      try {
        const root = parseObject(text);
        return spec.lists.every((list) => {
          if (list.observeOnly) return true;
          const v = valueAt(root, list.path);
          return Array.isArray(v) && v.some(entryIsOurs);
        });
      } catch {
        return false;
      }
    },
  };
}

/** Every command an entry runs, in any agent's shape: command, bash/powershell, action.command, nested hooks. */
function commandsOf(entry: unknown): unknown[] {
  if (!entry || typeof entry !== 'object') return [];
  const e = entry as Record<string, unknown>;
  const out: unknown[] = [];
  for (const key of ['command', 'bash', 'powershell']) if (e[key] !== undefined) out.push(e[key]);
  if (e.action && typeof e.action === 'object') out.push((e.action as Record<string, unknown>).command);
  if (Array.isArray(e.hooks)) for (const h of e.hooks) out.push(...commandsOf(h));
  return out;
}

function entryIsOurs(entry: unknown): boolean {
  const commands = commandsOf(entry);
  return commands.length > 0 && commands.every(isAirlockCommand);
}

function valueAt(root: Record<string, unknown>, path: string[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function checkContainers(root: Record<string, unknown>, path: string[]): void {
  for (let depth = 1; depth < path.length; depth++) {
    const v = valueAt(root, path.slice(0, depth));
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v)))
      throw new UnreadableHookFile(`its "${path.slice(0, depth).join('.')}" is not an object`);
  }
}

function isEmptyObject(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0;
}

function detectFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}

function parseObject(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) throw new UnreadableHookFile('the file is not valid JSON (with comments); fix it or remove it, Airlock will not overwrite it');
  if (value === undefined && text.trim() === '') return {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UnreadableHookFile('the file does not hold a JSON object');
  return value as Record<string, unknown>;
}

/**
 * One jsonc edit, formatted in the file's own style, touching nothing outside it: jsonc's own
 * formatting pass would re-indent neighbouring entries, so only the format edits that fall
 * inside the inserted text are kept.
 */
function edit(text: string, path: (string | number)[], value: unknown): string {
  const edits = modify(text, path, value, {});
  const change = edits[0];
  if (edits.length !== 1 || !change || value === undefined) return applyEdits(text, edits);
  const out = applyEdits(text, edits);
  const start = change.offset;
  const end = change.offset + change.content.length;
  const inside = format(out, { offset: start, length: end - start }, detectFormatting(text)).filter((e) => e.offset >= start && e.offset + e.length <= end);
  return applyEdits(out, inside);
}

/**
 * Removes one array element as the inverse of appending it: from the end of the element before
 * it (or, for the first, up to the next one), so the separator and line break Airlock added go too.
 */
function removeElement(text: string, path: string[], index: number): string {
  const array = findNodeAtLocation(parseTree(text)!, path);
  const items = array?.children ?? [];
  const node = items[index];
  if (!node) return text;
  const before = items[index - 1];
  const after = items[index + 1];
  const from = before ? before.offset + before.length : node.offset;
  const to = before || !after ? node.offset + node.length : after.offset;
  return text.slice(0, from) + text.slice(to);
}

function hasComments(text: string): boolean {
  return /\/\/|\/\*/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
}

/**
 * A file that is Airlock's alone (Cline's hook executable, opencode's plugin): written whole,
 * deleted whole, and never written over a file someone else put there.
 */
export function wholeFileFormat(
  render: (command: string) => string,
  marker: string,
  options: { executable?: boolean; encode?: (command: string) => string } = {},
): HookFileFormat {
  return {
    executable: options.executable,
    encode: options.encode ?? ((command) => command),
    add(text, command) {
      if (text !== undefined && text.trim() !== '' && !text.includes(marker))
        throw new UnreadableHookFile("a hook that is not Airlock's is already there; Airlock will not replace it (merge it by hand or move it away)");
      return render(command);
    },
    remove(text) {
      return text.includes(marker) ? undefined : text;
    },
    has(text) {
      return text !== undefined && text.includes(marker) && AIRLOCK_COMMAND.test(text);
    },
    asWritten(text, command) {
      return text === render(command);
    },
  };
}
