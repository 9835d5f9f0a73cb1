/** What a CLI command may touch, so tests can run commands in-process with captured output. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (hooks get their payload here). */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Bad usage: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {}

export interface CliCommand {
  name: string;
  /** One line for `airlock --help`. */
  summary: string;
  /** Full usage text for `airlock help NAME` and usage errors. */
  usage: string;
  /** Returns the exit code. */
  run: (args: string[], io: CliIO) => Promise<number>;
}

export const EXIT_USAGE = 2;
