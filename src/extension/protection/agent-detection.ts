import * as vscode from 'vscode';
import { type AgentPresence, agentInventory } from '../../core/protection/agent-inventory';
import type { HookAgent } from '../../core/protection/agents';

/**
 * Which agents may run here: the editor itself (Cursor, VS Code with Copilot), agent folders in
 * the workspace, and agents installed on this machine (their config folders and programs).
 */
export function detectAgents(root: string | undefined): Record<HookAgent, boolean> {
  const presence = agentPresence(root);
  return Object.fromEntries(presence.map((p) => [p.agent, p.machine.length > 0 || p.workspace.length > 0 || editorRuns(p.agent)])) as Record<
    HookAgent,
    boolean
  >;
}

/** Looking through PATH for every agent's programs costs a few hundred stats: the view asks often, so keep it briefly. */
const PRESENCE_TTL_MS = 10_000;
let cached: { root: string | undefined; at: number; value: AgentPresence[] } | undefined;

export function agentPresence(root: string | undefined): AgentPresence[] {
  if (cached && cached.root === root && Date.now() - cached.at < PRESENCE_TTL_MS) return cached.value;
  const value = agentInventory({ root }).map((p) => (editorRuns(p.agent) ? { ...p, machine: [...p.machine, `this editor (${vscode.env.appName})`] } : p));
  cached = { root, at: Date.now(), value };
  return value;
}

function editorRuns(agent: HookAgent): boolean {
  const inCursor = /cursor/i.test(vscode.env.appName) || vscode.env.uriScheme === 'cursor';
  if (agent === 'cursor') return inCursor;
  if (agent === 'vscode')
    return !inCursor && (vscode.extensions.getExtension('GitHub.copilot-chat') !== undefined || vscode.extensions.getExtension('GitHub.copilot') !== undefined);
  return false;
}
