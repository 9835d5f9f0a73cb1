import type { RunOptions } from '../../core/egress/runner';
import { shellLine } from '../../core/shell/quote';
import type { Requester } from '../../core/types';
import { type CliCommand, type CliIO, UsageError } from '../io';

export const RUN_USAGE = `Usage: airlock run [--requester AGENT] [--] COMMAND [ARG...]
       airlock run [--requester AGENT] -c 'SHELL LINE'
       airlock run                      (your shell, sandboxed)
       airlock run --check              (can the sandbox start here? exit 0 if so)
       airlock run --cold ...           (this once, no warm gate: the sandbox starts and stops with the command)

Runs a command, a shell or a whole agent CLI (airlock run -- claude) inside a sandbox
(@anthropic-ai/sandbox-runtime: bubblewrap on Linux, sandbox-exec on macOS) whose only way out
is Airlock's proxy. Requests to provider APIs (Railway, Fly, Heroku, Vercel, AWS, Google Cloud,
Azure, GitHub's API...) are decrypted and judged on their real method, URL, headers and body: a
destructive one is held while the person is asked in the editor, and goes out once if they
allow it; otherwise the command gets a 403 saying what was stopped. Other hosts pass untouched
and are never decrypted. Inside, Airlock's own config, policy, log and hook files are read-only
and no new Unix socket can be opened.

A warm gate (one background process per user, folder and agent, socket 0600 in Airlock's
runtime folder) keeps the sandbox's proxy running between commands, so each command starts in
milliseconds; it leaves after 15 minutes idle or when its settings change. It only hands back
the sandboxed command line: requests are still judged, and held ones asked in the editor.
AIRLOCK_EGRESS_WARM=0 turns it off. When it cannot be reached, the command is sandboxed the cold
way, never run unprotected.

Exit status: the command's own, or 126 when Airlock did not run it (the sandbox cannot start:
the message says how to fix that).`;

const REQUESTERS: Requester[] = ['cursor', 'claude', 'copilot', 'terminal', 'cli', 'unknown'];
/** A person has this long to answer for a held request (the editor caps it at ten minutes too). */
const CONFIRM_MS = 10 * 60_000;

interface Parsed {
  line?: string;
  requester: Requester;
  check: boolean;
  cold: boolean;
  warmGate: boolean;
}

function parse(args: string[], env: NodeJS.ProcessEnv): Parsed {
  let requester: Requester = 'cli';
  let check = false;
  let cold = false;
  let warmGate = false;
  const done = (line: string | undefined): Parsed => ({ line, requester, check, cold, warmGate });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return done(lineOf(args.slice(i + 1), env));
    if (arg === '--requester') {
      const value = args[++i] as Requester;
      if (!REQUESTERS.includes(value)) throw new UsageError(`--requester takes one of ${REQUESTERS.join(', ')}`);
      requester = value;
    } else if (arg === '--check') check = true;
    else if (arg === '--cold') cold = true;
    else if (arg === '--warm-gate') warmGate = true;
    else if (arg === '-c') {
      const line = args[i + 1];
      if (line === undefined) throw new UsageError('-c takes a shell line');
      if (i + 2 !== args.length) throw new UsageError('-c takes one shell line; quote it');
      return done(line);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else return done(lineOf(args.slice(i), env));
  }
  return done(check || warmGate ? undefined : lineOf([], env));
}

/** The argv as one shell line; no command is the person's own shell. */
function lineOf(argv: string[], env: NodeJS.ProcessEnv): string {
  const words = argv.length ? argv : [env.SHELL || 'bash'];
  return shellLine(words);
}

/**
 * The redactor, loaded on first use: the token rules cost ~50 ms of start-up, which only the
 * gate (warm process or cold path) pays; the warm path's caller never redacts anything.
 */
function redactLazily(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../core/redact') as typeof import('../../core/redact')).redactText(text);
}

export async function runRun(args: string[], io: CliIO): Promise<number> {
  const { line, requester, check, cold, warmGate } = parse(args, io.env);
  const { checkSandbox } = await import('../../core/egress/availability.js');
  if (check) {
    const availability = checkSandbox();
    if (availability.available) {
      io.stdout('airlock run: the egress sandbox can start here.\n');
      return 0;
    }
    io.stdout(`airlock run: the egress sandbox cannot start: ${availability.problem}.\nFix: ${availability.fix}.\n`);
    return 1;
  }
  const options: Omit<RunOptions, 'line'> = {
    cwd: io.cwd,
    env: io.env,
    requester,
    stderr: (t) => io.stderr(t),
    // Loaded when a request is held: the warm path's caller never needs them (~65 ms of start-up).
    askEditor: async (request, paths) => (await import('../../core/ipc-client.js')).askEditor(request, paths, io.env),
    // A refusal the gate settles itself is on disk before the command hears of it.
    record: async (event) => {
      await (await import('../../core/log/index.js')).appendToWorkspaceLog(event.cwd ?? io.cwd, event, io.env);
    },
    redact: redactLazily,
    timeoutMs: CONFIRM_MS,
    cliPath: require.main?.filename,
    // The warm gate is this same CLI, started with the same node flags (loaders, preloads).
    relaunch: process.argv[1]
      ? { execPath: process.execPath, args: [...process.execArgv.filter((a) => !a.startsWith('--cpu-prof')), process.argv[1]] }
      : undefined,
    warm: !cold && io.env.AIRLOCK_EGRESS_WARM !== '0',
  };
  if (warmGate) return (await import('../../core/egress/warm.js')).serveWarmGate(options);
  const { runInSandbox } = await import('../../core/egress/runner.js');
  return runInSandbox({ ...options, line: line! });
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a command inside the egress sandbox: provider API requests are judged before they leave',
  usage: RUN_USAGE,
  run: runRun,
};
