import { askEditor } from '../../core/ipc-client';
import { isLocationVariable, withFixedLocations } from '../../core/protection/fixed-locations';
import { redactText } from '../../core/redact';
import { gateShimCall } from '../../core/terminal/shim-gate';
import { stricterDecision } from '../../core/types';
import { type CliIO, UsageError } from '../io';
import { assessWithPolicy } from './assess-with-policy';

export const GATE_USAGE = `Usage: airlock gate --tool NAME [--cwd DIR] [--fixed NAME=VALUE]... -- ARG...

Used by Airlock's terminal shims: decides whether \`NAME ARG...\` may run, asking the person in
the editor when it is destructive. Exit 0: run it. Exit 126: blocked (one line on stderr says why).
--fixed gives the editor's HOME, XDG_* and AIRLOCK_* values from when the terminal was created:
Airlock's own locations come from them, never from what the command line set.`;

/** A person has this long to answer a terminal confirmation. */
const TERMINAL_CONFIRM_MS = 10 * 60_000;

export async function runGate(args: string[], io: CliIO): Promise<number> {
  let tool: string | undefined;
  let cwd = io.cwd;
  let fixed: Record<string, string> | undefined;
  let i = 0;
  for (; i < args.length && args[i] !== '--'; i++) {
    if (args[i] === '--tool') tool = args[++i];
    else if (args[i] === '--cwd') cwd = args[++i] ?? cwd;
    else if (args[i] === '--fixed') {
      const pair = args[++i] ?? '';
      const at = pair.indexOf('=');
      if (at < 1) throw new UsageError(`--fixed needs NAME=VALUE, not '${pair}'`);
      fixed ??= {};
      fixed[pair.slice(0, at)] = pair.slice(at + 1);
    } else throw new UsageError(`unknown option '${args[i]}'`);
  }
  // Airlock's own locations (policy, state, log, runtime folder) as the editor fixed them: the
  // command's own HOME=…, XDG_*=…, AIRLOCK_*=… may change where the TOOL reads, never where Airlock does.
  const airlockEnv = withFixedLocations(io.env, fixed);
  const commandSetLocations = Object.keys(io.env).some((name) => isLocationVariable(name) && io.env[name] !== airlockEnv[name]);
  if (!tool) throw new UsageError('--tool is required');
  const rest = args.slice(i + 1);
  const result = await gateShimCall(tool, rest, cwd, {
    assess: async (line, dir) => {
      const standard = await assessWithPolicy(line, dir, airlockEnv);
      if (!commandSetLocations) return standard;
      // The tool itself does read the command's HOME/XDG_* (its own config, its target): judge
      // that too, and keep the stricter answer. A policy found there can never loosen anything.
      const asCommandSays = await assessWithPolicy(line, dir, io.env);
      return stricterDecision(asCommandSays.decision, standard.decision) === standard.decision ? standard : asCommandSays;
    },
    askEditor: (request, paths) => askEditor(request, paths, airlockEnv),
    timeoutMs: TERMINAL_CONFIRM_MS,
    // Loaded only for a refusal: benign calls never pay for the log.
    record: async (event) => {
      await (await import('../../core/log/index.js')).appendToWorkspaceLog(event.cwd ?? cwd, event, airlockEnv);
    },
  });
  if (result.message) io.stderr(`${redactText(result.message)}\n`);
  return result.exitCode;
}
