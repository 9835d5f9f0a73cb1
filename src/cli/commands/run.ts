import { askEditor } from '../../core/ipc-client';
import { redactText } from '../../core/redact';
import type { Requester } from '../../core/types';
import { type CliCommand, type CliIO, UsageError } from '../io';

export const RUN_USAGE = `Usage: airlock run [--requester AGENT] [--] COMMAND [ARG...]
       airlock run [--requester AGENT] -c 'SHELL LINE'
       airlock run                      (your shell, sandboxed)
       airlock run --check              (can the sandbox start here? exit 0 if so)

Runs a command, a shell or a whole agent CLI (airlock run -- claude) inside a sandbox
(@anthropic-ai/sandbox-runtime: bubblewrap on Linux, sandbox-exec on macOS) whose only way out
is Airlock's proxy. Requests to provider APIs (Railway, Fly, Heroku, Vercel, AWS, Google Cloud,
Azure, GitHub's API...) are decrypted and judged on their real method, URL, headers and body: a
destructive one is held while the person is asked in the editor, and goes out once if they
allow it; otherwise the command gets a 403 saying what was stopped. Other hosts pass untouched
and are never decrypted. Inside, Airlock's own config, policy, log and hook files are read-only
and no new Unix socket can be opened.

Exit status: the command's own, or 126 when Airlock did not run it (the sandbox cannot start:
the message says how to fix that).`;

const REQUESTERS: Requester[] = ['cursor', 'claude', 'copilot', 'terminal', 'cli', 'unknown'];
/** A person has this long to answer for a held request (the editor caps it at ten minutes too). */
const CONFIRM_MS = 10 * 60_000;

function parse(args: string[], env: NodeJS.ProcessEnv): { line?: string; requester: Requester; check: boolean } {
  let requester: Requester = 'cli';
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return { line: lineOf(args.slice(i + 1), env), requester, check };
    if (arg === '--requester') {
      const value = args[++i] as Requester;
      if (!REQUESTERS.includes(value)) throw new UsageError(`--requester takes one of ${REQUESTERS.join(', ')}`);
      requester = value;
    } else if (arg === '--check') check = true;
    else if (arg === '-c') {
      const line = args[i + 1];
      if (line === undefined) throw new UsageError('-c takes a shell line');
      if (i + 2 !== args.length) throw new UsageError('-c takes one shell line; quote it');
      return { line, requester, check };
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else return { line: lineOf(args.slice(i), env), requester, check };
  }
  return { line: check ? undefined : lineOf([], env), requester, check };
}

/** The argv as one shell line; no command is the person's own shell. */
function lineOf(argv: string[], env: NodeJS.ProcessEnv): string {
  const words = argv.length ? argv : [env.SHELL || 'bash'];
  return words.map((w) => (w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export async function runRun(args: string[], io: CliIO): Promise<number> {
  const { line, requester, check } = parse(args, io.env);
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
  const { runInSandbox } = await import('../../core/egress/runner.js');
  return runInSandbox({
    line: line!,
    cwd: io.cwd,
    env: io.env,
    requester,
    stderr: (t) => io.stderr(t),
    askEditor: (request, paths) => askEditor(request, paths, io.env),
    // A refusal the gate settles itself is on disk before the command hears of it.
    record: async (event) => {
      await (await import('../../core/log/index.js')).appendToWorkspaceLog(event.cwd ?? io.cwd, event, io.env);
    },
    redact: redactText,
    timeoutMs: CONFIRM_MS,
    cliPath: require.main?.filename,
  });
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a command inside the egress sandbox: provider API requests are judged before they leave',
  usage: RUN_USAGE,
  run: runRun,
};
