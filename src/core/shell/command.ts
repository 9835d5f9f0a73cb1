/**
 * One simple command a shell line would run, after Airlock has unwrapped lists, pipelines,
 * substitutions, wrappers (sudo, env, timeout...), package runners (npx @railway/cli) and
 * nested shells (bash -c, eval). Rules and environment resolution only ever see these.
 *
 * Contract shared by the guard, the environment resolver and the gates: `argv`,
 * `assignments`, `cwd` and `segment` keep these meanings.
 */
export interface SimpleCommand {
  /** Words as the shell would pass them, quotes removed; argv[0] is the tool's plain name ("rm", "railway"). */
  argv: string[];
  /** The command name as written, e.g. "/usr/bin/rm", "\\rm", "npx @railway/cli". */
  written: string;
  /** Variables that apply to this command: `VAR=x cmd`, `env VAR=x cmd`, `VAR=x;` earlier on the line. */
  assignments: Record<string, string>;
  /** The source text of this command within the line: the dangerous segment shown to a person. */
  segment: string;
  /** Directory it would run in: the check's cwd, changed by an earlier `cd DIR &&` on the line. */
  cwd: string;
  /** What feeds standard input, when Airlock can see it. */
  stdin?: StdinSource;
  /** How it was reached, outermost first, e.g. ["sudo", "bash -c"]: for `airlock explain`. */
  via: string[];
  /** True when a word could not be resolved statically (unknown `$VAR`, glob in the name...). */
  unresolved?: boolean;
  /** Output redirections written on the command (`> file`, `>> file`, `2> file`). */
  redirects?: Redirect[];
}

export interface Redirect {
  /** `>`, `>>`, `>|`, `&>`, `&>>`. */
  operator: string;
  /** The file as written, quotes removed. */
  target: string;
  /** The file descriptor redirected, when given (`2>`). */
  descriptor?: string;
}

export type StdinSource =
  /** Text Airlock can read: a heredoc, a here-string, or `echo`/`printf` piped in. */
  | { kind: 'text'; text: string; from: 'heredoc' | 'herestring' | 'echo' | 'printf' }
  /** `< FILE`: a file on disk, relative to `cwd`. */
  | { kind: 'file'; path: string }
  /** A pipe from something Airlock cannot see through (`curl URL`, `base64 -d`). */
  | { kind: 'opaque'; from: string };
