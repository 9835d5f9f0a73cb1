import type { AgentStatus } from './agent-status';
import { AGENTS, type HookAgent } from './agents';

/**
 * The agents Airlock's read gate actually keeps out of protected files: a hook installed and
 * verified (self-test passed) for an agent whose hook is asked before reads. Everyone else can
 * read them whatever the globs say. Names in the agents' own spelling, in AGENTS order.
 */
export function readGateAgents(guarded: Iterable<HookAgent>): string[] {
  const set = new Set(guarded);
  return (Object.keys(AGENTS) as HookAgent[]).filter((a) => set.has(a) && AGENTS[a].answersReads).map((a) => AGENTS[a].name);
}

/** The exposure options for those agents: the gate is active only when at least one is guarded. */
export function readGateOptions(guarded: Iterable<HookAgent>): { readGateActive: boolean; readGateAgents: string[] } {
  const agents = readGateAgents(guarded);
  return { readGateActive: agents.length > 0, readGateAgents: agents };
}

/** From `airlock status`'s view: only agents whose every hook file passed its self-test just now. */
export function readGateFromStatuses(statuses: readonly AgentStatus[]): { readGateActive: boolean; readGateAgents: string[] } {
  return readGateOptions(statuses.filter((s) => s.guarded).map((s) => s.agent));
}
