import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { agentInventory } from './agent-inventory';
import { AGENTS, type HookAgent } from './agents';
import { isAirlockCommand } from './hook-file-formats';
import { type SelfTestResult, selfTest } from './self-test';

/** One agent's protection as `airlock status` and the tests see it. */
export interface AgentStatus {
  agent: HookAgent;
  name: string;
  /** Where the agent was found on this machine or in the workspace; empty when not found. */
  found: string[];
  /** Hook files holding Airlock's entry, with the self-test of each (when run). */
  hooks: Array<{ path: string; scope: 'workspace' | 'user'; command?: string; test?: SelfTestResult; altered?: true }>;
  /**
   * Installed exactly as Airlock writes it AND its self-test passed, for every hook file (never
   * claimed otherwise). The self-test sends one harmless command, which a weakened entry (no
   * failClosed, a narrower matcher, a longer timeout) lets through as well.
   */
  guarded: boolean;
  note?: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The Airlock command a hook file names: every JSON string literal in it that is one. */
export function installedCommand(text: string): string | undefined {
  for (const literal of text.match(/"(?:[^"\\\r\n]|\\.)*"/g) ?? []) {
    try {
      const value = JSON.parse(literal) as string;
      if (isAirlockCommand(value)) return value;
    } catch {
      /* not a JSON string */
    }
  }
  return undefined;
}

export interface StatusOptions {
  root: string;
  home?: string;
  path?: string;
  env?: NodeJS.ProcessEnv;
  /** Run each installed hook's self-test (the only way to say "guarded"). */
  test?: boolean;
}

export async function agentStatuses(options: StatusOptions): Promise<AgentStatus[]> {
  const home = options.home ?? homedir();
  const presence = agentInventory({ home, path: options.path, root: options.root });
  const out: AgentStatus[] = [];
  for (const p of presence) {
    const mod = AGENTS[p.agent];
    const specs = [
      ...mod.files.workspace(options.root).map((s) => ({ ...s, scope: 'workspace' as const })),
      ...mod.files.user(home).map((s) => ({ ...s, scope: 'user' as const })),
    ];
    const hooks: AgentStatus['hooks'] = [];
    for (const spec of specs) {
      const text = read(spec.path);
      if (!spec.format.has(text)) continue;
      const command = spec.format.executable ? undefined : installedCommand(text!);
      const test =
        options.test === false
          ? undefined
          : spec.format.executable
            ? await selfTest(p.agent, { file: spec.path }, options.env)
            : command
              ? await selfTest(p.agent, { command }, options.env)
              : { ok: false, time: new Date().toISOString(), detail: 'no Airlock command found in the file' };
      // A whole-file hook (Cline's script) names no command to compare with: its self-test runs the file itself.
      const altered = command !== undefined && !spec.format.asWritten(text, command);
      hooks.push({ path: spec.path, scope: spec.scope, command, test, ...(altered ? { altered: true as const } : {}) });
    }
    out.push({
      agent: p.agent,
      name: mod.name,
      found: [...p.machine, ...p.workspace.map((w) => `${w} in the workspace`)],
      hooks,
      guarded: hooks.length > 0 && hooks.every((h) => h.test?.ok === true && !h.altered),
      note: mod.note,
    });
  }
  return out;
}
