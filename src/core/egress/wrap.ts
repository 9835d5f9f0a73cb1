import { quoteWord } from '../shell/quote';
import type { Requester } from '../types';

/**
 * An agent's shell command, rewritten to run inside `airlock run`. Pure: the same command
 * always gives the same line, a line already wrapped is returned unchanged (never wrapped
 * twice), and the original is passed as one single-quoted word, so no quoting, `$`, backtick,
 * newline or quote in it can change what runs: inside, bash runs exactly the original line.
 */
export interface WrapOptions {
  /** How to start Airlock: the launcher's absolute path (or `airlock` when it is on PATH). */
  airlock: string;
  requester?: Requester;
}

/**
 * True when the line already starts with this very Airlock's `run`. Only the exact launcher
 * counts: an agent-written `/tmp/x/airlock run ...` is some other program, and is wrapped.
 */
export function isWrapped(command: string, airlock: string): boolean {
  return command.startsWith(`${quoteWord(airlock)} run `);
}

export function wrapCommand(command: string, options: WrapOptions): string {
  if (command.trim() === '' || isWrapped(command, options.airlock)) return command;
  const requester = options.requester ? ` --requester ${options.requester}` : '';
  return `${quoteWord(options.airlock)} run${requester} -c ${quoteWord(command)}`;
}
