import { askEditor } from '../../core/ipc-client';
import { redactText } from '../../core/redact';
import { stricterDecision } from '../../core/types';
import { gateShimCall } from '../../core/terminal/shimGate';
import { UsageError, type CliIO } from '../io';
import { assessWithPolicy } from './assessWithPolicy';

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
    assess: async (line, dir) => {
      const named = await assessWithPolicy(line, dir, io.env);
      // The shim hands on the command's own environment, which an agent writes
      // (`AIRLOCK_POLICY_FILE=./mine.json railway volume delete`): a policy named there may only be stricter.
      if (!io.env.AIRLOCK_POLICY_FILE) return named;
      const { AIRLOCK_POLICY_FILE: _named, ...usual } = io.env;
      const standard = await assessWithPolicy(line, dir, usual);
      return stricterDecision(named.decision, standard.decision) === named.decision ? named : standard;
    },
    askEditor: (request, paths) => askEditor(request, paths, io.env),
    timeoutMs: TERMINAL_CONFIRM_MS,
    // Loaded only for a refusal: benign calls never pay for the log.
    record: async (event) => { await (await import('../../core/log/index.js')).appendToWorkspaceLog(event.cwd ?? cwd, event, io.env); },
  });
  if (result.message) io.stderr(`${redactText(result.message)}\n`);
  return result.exitCode;
}
