import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HookAgent, HookCall, HookOutput, HookVerdict } from '../hooks/types';
import { runsInAgentSandbox } from './agent-sandbox';
import { wrapCommand } from './wrap';

/**
 * The hooks' side of the egress gate: an agent whose hook protocol may rewrite the tool's input
 * (Claude Code and VS Code `hookSpecificOutput.updatedInput`) gets its shell command back
 * wrapped in `airlock run`, so the requests it makes are judged where they leave. The decision
 * is untouched: a benign call still carries no permission decision (the agent's own permission
 * flow applies, now to the wrapped line), an `ask` stays an ask, a deny is never rewritten.
 *
 * On only when the editor wrote `egress.json` beside the installed CLI with `wrap: true`
 * (setting `airlock.egress.wrapAgentCommands`; by default on when the sandbox can start). The
 * file lives in the launcher storage, which sandboxed commands cannot write, and nothing an
 * agent sets (its environment, its payload) can turn it off.
 */
export const EGRESS_CONFIG_FILE = 'egress.json';

export interface EgressHookConfig {
  wrap: boolean;
  /** The launcher to run: `<global storage>/bin/airlock`. */
  airlock: string;
}

/** The editor's egress settings beside the running CLI, or undefined when wrapping is off. */
export function readEgressHookConfig(cliPath: string | undefined): EgressHookConfig | undefined {
  if (!cliPath) return undefined;
  const dir = dirname(cliPath);
  const launcher = join(dir, process.platform === 'win32' ? 'airlock.cmd' : 'airlock');
  try {
    const config = JSON.parse(readFileSync(join(dir, EGRESS_CONFIG_FILE), 'utf8')) as { wrap?: unknown };
    if (config.wrap !== true || !existsSync(launcher)) return undefined;
    return { wrap: true, airlock: launcher };
  } catch {
    return undefined;
  }
}

const REWRITABLE: ReadonlySet<HookAgent> = new Set(['claude', 'vscode']);

export function egressHookAnswer(
  agent: HookAgent,
  payloadText: string,
  call: HookCall,
  verdict: HookVerdict,
  answer: HookOutput,
  config: EgressHookConfig | undefined,
  home: string | undefined,
): HookOutput {
  if (!config?.wrap || !REWRITABLE.has(agent) || call.kind !== 'command' || verdict.decision === 'deny' || answer.exitCode !== 0) return answer;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(payloadText) as Record<string, unknown>;
  } catch {
    return answer;
  }
  const input = payload.tool_input ?? payload.toolArgs;
  if (!input || typeof input !== 'object' || Array.isArray(input)) return answer;
  const fields = input as Record<string, unknown>;
  const field = typeof fields.command === 'string' ? 'command' : typeof fields.commandLine === 'string' ? 'commandLine' : undefined;
  if (!field) return answer;
  // A command the agent runs in its own sandbox cannot start a second one: left to that sandbox.
  if (runsInAgentSandbox(agent, payload, call.cwd, home)) return answer;
  const original = fields[field] as string;
  const wrapped = wrapCommand(original, { airlock: config.airlock, requester: agent === 'vscode' ? 'copilot' : agent });
  if (wrapped === original) return answer;
  let body: { hookSpecificOutput?: Record<string, unknown> } & Record<string, unknown>;
  try {
    body = answer.stdout.trim() ? JSON.parse(answer.stdout) : {};
  } catch {
    return answer;
  }
  body.hookSpecificOutput = { hookEventName: 'PreToolUse', ...(body.hookSpecificOutput ?? {}), updatedInput: { ...fields, [field]: wrapped } };
  return { ...answer, stdout: `${JSON.stringify(body)}\n` };
}
