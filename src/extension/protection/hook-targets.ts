import { homedir } from 'node:os';
import { AGENTS, type HookAgent } from '../../core/protection/agents';
import type { HookFileFormat } from '../../core/protection/agents/types';
import type { HookFile } from '../../core/protection/hook-config';

/** One hook file Airlock can protect, in a workspace or in the user's home. */
export interface HookTarget {
  /** The agent (kept as `file` too, the name older callers use). */
  agent: HookAgent;
  file: HookFile;
  scope: 'workspace' | 'user';
  path: string;
  /** Shown in pickers and the status view. */
  label: string;
  format: HookFileFormat;
}

export function workspaceTargets(root: string): HookTarget[] {
  return (Object.keys(AGENTS) as HookAgent[]).flatMap((agent) =>
    AGENTS[agent].files.workspace(root).map((spec) => ({ agent, file: agent, scope: 'workspace' as const, ...spec })),
  );
}

export function userTargets(home: string = homedir()): HookTarget[] {
  return (Object.keys(AGENTS) as HookAgent[]).flatMap((agent) =>
    AGENTS[agent].files.user(home).map((spec) => ({ agent, file: agent, scope: 'user' as const, ...spec })),
  );
}
