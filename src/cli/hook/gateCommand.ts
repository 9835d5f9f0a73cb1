import { assessCommand } from '../../core/assess';
import { askEditor } from '../../core/ipc-client';
import { loadPolicy } from '../../core/policy/load';
import { redactText } from '../../core/redact';
import { gateShimCall } from '../../core/terminal/shimGate';
import { UsageError, type CliIO } from '../io';

export const GATE_USAGE = `Usage: airlock gate --tool NAME [--cwd DIR] -- ARG...

Used by Airlock's terminal shims: decides whether \`NAME ARG...\` may run, asking the person in
the editor when it is destructive. Exit 0: run it. Exit 126: blocked (one line on stderr says why).`;

/** A person has this long to answer a terminal confirmation. */
const TERMINAL_CONFIRM_MS = 10 * 60_000;

export async function runGate(args: string[], io: CliIO): Promise<number> {
  let tool: string | undefined;
  let cwd = io.cwd;
  let i = 0;
  for (; i < args.length && args[i] !== '--'; i++) {
    if (args[i] === '--tool') tool = args[++i];
    else if (args[i] === '--cwd') cwd = args[++i] ?? cwd;
    else throw new UsageError(`unknown option '${args[i]}'`);
  }
  if (!tool) throw new UsageError('--tool is required');
  const rest = args.slice(i + 1);
  const result = await gateShimCall(tool, rest, cwd, {
    assess: (line, dir) => {
      let policy;
      try { policy = loadPolicy({ cwd: dir, env: io.env }); } catch { policy = undefined; }
      return assessCommand(line, { cwd: dir, policy, env: io.env });
    },
    askEditor: (request, paths) => askEditor(request, paths, io.env),
    timeoutMs: TERMINAL_CONFIRM_MS,
  });
  if (result.message) io.stderr(`${redactText(result.message)}\n`);
  return result.exitCode;
}
