import type { StdinSource } from '../shell/command';

/** One HTTP request a command line would send, as far as Airlock can read it. */
export interface HttpRequest {
  /** Upper-case method: what the tool would send. */
  method: string;
  urls: string[];
  bodies: HttpBody[];
  /** The tool itself says this is GraphQL (`gh api graphql`). */
  graphql?: boolean;
  /** Something that changes the request and that Airlock does not interpret (`curl -K file`). */
  opaqueOptions?: string;
}

export type HttpBody =
  | { kind: 'text'; text: string; from: string }
  /**
   * A body Airlock cannot see: an unreadable `@file`, stdin from a pipe it cannot see through.
   * `file` is set when the body comes from a named file (missing, a FIFO, a folder, too large...).
   */
  | { kind: 'unseen'; from: string; file?: string };

/** What a request parser needs besides the words: standard input and the files next to the command. */
export interface RequestInput {
  args: readonly string[];
  stdin?: StdinSource;
  /** Reads a file relative to the command's directory; undefined when it cannot. */
  read(path: string): string | undefined;
}

/** The text on standard input, or an unseen body saying why not. */
export function stdinBody(input: RequestInput, from: string): HttpBody {
  const stdin = input.stdin;
  if (stdin?.kind === 'text') return { kind: 'text', text: stdin.text, from: `${from} (${stdin.from})` };
  if (stdin?.kind === 'file') {
    const text = input.read(stdin.path);
    return text === undefined
      ? { kind: 'unseen', from: `${from} (< ${stdin.path}, unreadable)`, file: stdin.path }
      : { kind: 'text', text, from: `${from} (< ${stdin.path})` };
  }
  if (stdin?.kind === 'opaque') return { kind: 'unseen', from: `${from} (piped from ${stdin.from})` };
  return { kind: 'unseen', from: `${from} (standard input)` };
}

/** A body named by `@file` (or `@-` for standard input). */
export function fileBody(input: RequestInput, path: string, from: string): HttpBody {
  if (path === '-') return stdinBody(input, from);
  const text = input.read(path);
  return text === undefined ? { kind: 'unseen', from: `${from} @${path} (unreadable)`, file: path } : { kind: 'text', text, from: `${from} @${path}` };
}
