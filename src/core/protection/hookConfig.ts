import { applyEdits, findNodeAtLocation, format, modify, parse, parseTree, type FormattingOptions, type ParseError } from 'jsonc-parser';

/**
 * Airlock's entries in each agent's hook file, merged into what is there with jsonc-parser
 * edits: comments, formatting, key order and other hooks stay as they were. Adding twice
 * changes nothing; removing takes out exactly Airlock's entries.
 */
export type HookFile = 'cursor' | 'claude' | 'vscode';

/** Events Airlock answers in Cursor's hooks.json. */
export const CURSOR_EVENTS = ['beforeShellExecution', 'beforeMCPExecution', 'beforeReadFile'] as const;
/** Claude Code tools Airlock looks at: shell, reads, searches and every MCP tool. */
export const CLAUDE_MATCHER = 'Bash|Read|Grep|Glob|mcp__.*';
/** Seconds the agent waits for the hook: long enough for a person to read the modal. */
export const HOOK_TIMEOUT_S: Record<HookFile, number> = { cursor: 30, claude: 300, vscode: 300 };

/** True for a hook command Airlock installed: `… airlock hook <agent>` in any quoting. */
export function isAirlockCommand(command: unknown): boolean {
  return typeof command === 'string' && /airlock(?:\.cmd|\.sh)?["']?\s+hook\s+(?:cursor|claude|vscode)\b/.test(command);
}

/** A JSON file Airlock will not edit, with the reason (shown to the person, never overwritten). */
export class UnreadableHookFile extends Error {}

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
  if (edits.length !== 1 || value === undefined) return applyEdits(text, edits);
  const [change] = edits;
  const out = applyEdits(text, edits);
  const start = change.offset;
  const end = change.offset + change.content.length;
  const inside = format(out, { offset: start, length: end - start }, detectFormatting(text))
    .filter((e) => e.offset >= start && e.offset + e.length <= end);
  return applyEdits(out, inside);
}

function entryFor(file: HookFile, command: string): unknown {
  switch (file) {
    case 'cursor': return { command, failClosed: true };
    case 'claude': return { matcher: CLAUDE_MATCHER, hooks: [{ type: 'command', command, timeout: HOOK_TIMEOUT_S.claude }] };
    case 'vscode': return { type: 'command', command, timeout: HOOK_TIMEOUT_S.vscode };
  }
}

/** Where Airlock's entries live in each file: event arrays under `hooks`. */
function eventsOf(file: HookFile): string[] {
  return file === 'cursor' ? [...CURSOR_EVENTS] : ['PreToolUse'];
}

function entryIsOurs(file: HookFile, entry: unknown): boolean {
  if (!entry || typeof entry !== 'object') return false;
  const e = entry as Record<string, unknown>;
  if (file === 'claude') return Array.isArray(e.hooks) && e.hooks.length > 0 && e.hooks.every((h) => isAirlockCommand((h as Record<string, unknown>)?.command));
  return isAirlockCommand(e.command);
}

/** `command` for each file: the launcher, the agent and the timeout the hook must answer within. */
export function hookCommand(launcher: string, file: HookFile, platform: NodeJS.Platform = process.platform): string {
  // Windows paths cannot hold a double quote, and cmd.exe treats backslashes literally.
  const plain = platform === 'win32' ? /^[A-Za-z0-9_./:@+\\-]+$/ : /^[A-Za-z0-9_./:@+-]+$/;
  const quoted = plain.test(launcher) ? launcher
    : platform === 'win32' ? `"${launcher}"` : `"${launcher.replace(/(["\\$`])/g, '\\$1')}"`;
  return `${quoted} hook ${file} --timeout ${HOOK_TIMEOUT_S[file]}`;
}

/** Adds (or refreshes) Airlock's entries. `text` undefined means the file does not exist yet. */
export function addAirlockHooks(text: string | undefined, file: HookFile, command: string): string {
  let out = text ?? '';
  if (out.trim() === '') out = file === 'cursor' ? '{\n  "version": 1,\n  "hooks": {}\n}\n' : '{\n  "hooks": {}\n}\n';
  const root = parseObject(out);
  if (file === 'cursor' && root.version === undefined) out = edit(out, ['version'], 1);
  const hooks = root.hooks;
  if (hooks !== undefined && (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks))) throw new UnreadableHookFile('its "hooks" is not an object');
  for (const event of eventsOf(file)) {
    const current = parseObject(out);
    const list = (current.hooks as Record<string, unknown> | undefined)?.[event];
    if (list !== undefined && !Array.isArray(list)) throw new UnreadableHookFile(`its "hooks.${event}" is not a list`);
    const wanted = entryFor(file, command);
    const index = (list ?? []).findIndex((entry) => entryIsOurs(file, entry));
    if (index >= 0) {
      // Already there: refresh it only if it differs (e.g. the launcher moved), else leave the bytes alone.
      if (JSON.stringify((list as unknown[])[index]) !== JSON.stringify(wanted)) out = edit(out, ['hooks', event, index], wanted);
    } else if (list === undefined) {
      out = edit(out, ['hooks', event], [wanted]);
    } else {
      out = edit(out, ['hooks', event, (list as unknown[]).length], wanted);
    }
  }
  return out;
}

/**
 * Takes Airlock's entries out, and the containers that only held them. Returns undefined when
 * nothing else is left in the file (the caller deletes a file Airlock created).
 */
export function removeAirlockHooks(text: string, file: HookFile): string | undefined {
  let out = text;
  const root = parseObject(out);
  for (const event of eventsOf(file)) {
    for (;;) {
      const list = ((parseObject(out).hooks ?? {}) as Record<string, unknown>)[event];
      if (!Array.isArray(list)) break;
      const index = list.findIndex((entry) => entryIsOurs(file, entry));
      if (index < 0) break;
      out = list.length === 1 ? edit(out, ['hooks', event], undefined) : removeElement(out, ['hooks', event], index);
    }
  }
  const after = parseObject(out);
  const hooks = after.hooks as Record<string, unknown> | undefined;
  if (hooks && Object.keys(hooks).length === 0 && root.hooks && Object.keys(root.hooks as object).length > 0) {
    // "hooks" only held Airlock's entries: leave the empty object if it was there before, as it was.
    out = edit(out, ['hooks'], undefined);
  }
  const rest = parseObject(out);
  const keys = Object.keys(rest).filter((k) => !(file === 'cursor' && k === 'version'));
  return keys.length === 0 && !hasComments(out) ? undefined : out;
}

export function hasAirlockHooks(text: string | undefined, file: HookFile): boolean {
  if (!text) return false;
  try {
    const hooks = (parseObject(text).hooks ?? {}) as Record<string, unknown>;
    return eventsOf(file).every((event) => Array.isArray(hooks[event]) && (hooks[event] as unknown[]).some((e) => entryIsOurs(file, e)));
  } catch {
    return false;
  }
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
  const from = index > 0 ? items[index - 1].offset + items[index - 1].length : node.offset;
  const to = index > 0 ? node.offset + node.length : items[index + 1].offset;
  return text.slice(0, from) + text.slice(to);
}

function hasComments(text: string): boolean {
  return /\/\/|\/\*/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
}
