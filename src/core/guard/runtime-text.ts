import type { SimpleCommand } from '../shell/command';

/**
 * True when a script, body or SQL text handed to a tool is itself only known when the line
 * runs: it starts with an unresolved `$VAR`, `${VAR}`, `$(...)` or backquote. Airlock cannot
 * read such text, so rules treat it like an unreadable file (ask), never as empty.
 */
export function isRuntimeText(text: string, command: SimpleCommand): boolean {
  return command.unresolved === true && /^\s*(\$\{?[A-Za-z_]|\$\(|`)/.test(text);
}
