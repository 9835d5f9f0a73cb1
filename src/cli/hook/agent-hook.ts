import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { foldReadSpool, noteCleanRead, statExact } from '../../core/hooks/read-index';
import { DEFAULT_TIMEOUT_S, type RunHookOptions, runHook } from '../../core/hooks/run-hook';
import type { HookAgent } from '../../core/hooks/types';
import type { ConfirmRequest } from '../../core/ipc/protocol';
import { reportToEditor } from '../../core/ipc-client';
import { AGENT_IDS, AGENTS, isHookAgent } from '../../core/protection/agents';
import { redactText } from '../../core/redact';
import { type CliIO, UsageError } from '../io';
import { assessWithPolicy } from './assess-with-policy';

const AGENT_LINES = Object.values(AGENTS)
  .map((m) => `  ${m.id.padEnd(10)}${m.name}`)
  .join('\n');

export const HOOK_USAGE = `Usage: airlock hook <agent> [--timeout SECONDS]

Answers an agent's pre-tool hook: reads the agent's JSON payload on stdin and prints the answer
in that agent's own format. Benign calls pass at once; destructive commands, reads of files
holding secrets, commands that print secrets and writes to Airlock's own files wait for a
person's answer in the editor.

Agents:
${AGENT_LINES}

Options:
  --timeout SECONDS  the hook timeout configured for the agent; Airlock answers before it

With no editor reachable, agents whose own prompt reaches you (Claude Code unless it runs with
bypassPermissions, Copilot CLI outside the cloud) get "ask"; every other agent gets "deny" with
a reason. The same call arriving through two hook files is decided once.
Installed by "Airlock: Protect This Workspace"; \`airlock status\` lists what is guarded.`;

function parseArgs(args: string[]): { agent: HookAgent; timeoutS: number } {
  const name = args[0] ?? '';
  if (!isHookAgent(name)) throw new UsageError(`unknown agent '${name}': use one of ${AGENT_IDS.join(', ')}`);
  const agent: HookAgent = name;
  let timeoutS = DEFAULT_TIMEOUT_S[agent];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg.startsWith('--timeout=') ? arg.slice(10) : arg === '--timeout' ? args[++i] : undefined;
    if (value === undefined) throw new UsageError(`unknown option '${arg}'`);
    const n = Number(value);
    if (!Number.isFinite(n) || n < 2 || n > 3600) throw new UsageError('--timeout takes a number of seconds between 2 and 3600');
    timeoutS = n;
  }
  return { agent, timeoutS };
}

/** The extension writes the protected-file globs as gates.json beside the installed CLI. */
function withGatesConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.AIRLOCK_GATES_CONFIG || !require.main?.filename) return env;
  const beside = join(dirname(require.main.filename), 'gates.json');
  return existsSync(beside) ? { ...env, AIRLOCK_GATES_CONFIG: beside } : env;
}

/**
 * For the warm process (src/cli/commands/warm.ts): it answers only what the rules settle; a
 * call that needs a person is handed back (`escalate`) to a fresh CLI, which asks the editor.
 */
export interface WarmOverrides {
  ask: RunHookOptions['ask'];
  /** False once the call was handed back: then nothing is logged here (the fresh CLI logs it). */
  mayRecord: () => boolean;
}

/** `airlock hook AGENT`: the agent's payload in, its answer out. Never a stack trace. */
export async function runAgentHook(args: string[], io: CliIO, warm?: WarmOverrides): Promise<number> {
  const { agent, timeoutS } = parseArgs(args);
  // Reads the launcher answered since the last run go into the log first, in order.
  await foldReadSpool(io.env.AIRLOCK_READ_SPOOL, async (cwd, event) => {
    await (await import('../../core/log/index.js')).appendToWorkspaceLog(cwd, event, io.env);
  });
  const out = await runHook({
    agent,
    readStdin: io.readStdin,
    cwd: io.cwd,
    env: withGatesConfig(io.env),
    timeoutMs: timeoutS * 1000,
    assess: (command, cwd) => assessWithPolicy(command, cwd, io.env),
    // Loaded only when needed: a benign call never pays for the log or the token detectors.
    record: async (event) => {
      if (warm && !warm.mayRecord()) return;
      await (await import('../../core/log/index.js')).appendToWorkspaceLog(event.cwd ?? io.cwd, event, io.env);
    },
    ask: warm?.ask,
    redact: redactText,
    report: (report, paths) => reportToEditor({ ...report, command: report.command !== undefined ? redactText(report.command) : undefined }, paths, io.env),
    holdsSecret: async (path) => {
      const before = statExact(path);
      const held = await (await import('../../core/tokens/index.js')).fileHoldsSecret(path);
      // Clean: the launcher may answer the next read of this unchanged file itself.
      if (held === false) noteCleanRead(io.env.AIRLOCK_READ_INDEX, path, before);
      return held;
    },
    once: true,
    loggedAllow: (request, since) => loggedAllow(request, since, io.env),
  });
  if (out.stdout) io.stdout(out.stdout);
  if (out.stderr) io.stderr(redactText(out.stderr));
  return out.exitCode;
}

/** True when the workspace log holds a person's allow of this request since `since` (ms). */
async function loggedAllow(request: ConfirmRequest, since: number, env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    const log = await (await import('../../core/log/index.js')).openWorkspaceLog(request.cwd, env);
    const command = request.command !== undefined ? redactText(request.command) : undefined;
    return log
      .read()
      .events.some(
        ({ event: e }) =>
          e.decidedBy === 'person' &&
          e.decision === 'allow' &&
          Date.parse(e.time) >= since &&
          ((command !== undefined && e.command === command) || (request.file !== undefined && e.file === request.file)),
      );
  } catch {
    return false;
  }
}
