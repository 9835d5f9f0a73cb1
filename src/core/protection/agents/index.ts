import { claude } from './claude';
import { cline } from './cline';
import { codex } from './codex';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { gemini } from './gemini';
import { kiro } from './kiro';
import { opencode } from './opencode';
import type { AgentModule } from './types';
import { vscode } from './vscode';
import { windsurf } from './windsurf';

/**
 * Every agent Airlock guards. Adding one: write its module beside these (see ./types.ts) and
 * add it here. The order is the order of pickers and lists.
 */
export const AGENTS = { cursor, claude, vscode, codex, gemini, copilot, windsurf, kiro, opencode, cline } satisfies Record<string, AgentModule>;

export type HookAgent = keyof typeof AGENTS;
export const AGENT_IDS = Object.keys(AGENTS) as HookAgent[];
export const HOOK_AGENTS: HookAgent[] = AGENT_IDS;

export function isHookAgent(name: string): name is HookAgent {
  return Object.hasOwn(AGENTS, name);
}

export function agentModule(agent: HookAgent): AgentModule {
  return AGENTS[agent];
}

export type { AgentModule, HookFileFormat, HookFileSpec } from './types';
