import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { AGENTS, type HookAgent } from './agents';

/** One agent on this machine: where it was seen (config folders, programs on PATH, the workspace). */
export interface AgentPresence {
  agent: HookAgent;
  name: string;
  /** Config folders under the home folder and programs on PATH that were found. */
  machine: string[];
  /** Signs in the workspace (its folders or instruction files). */
  workspace: string[];
}

export interface InventoryOptions {
  home?: string;
  path?: string;
  root?: string;
  platform?: NodeJS.Platform;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Finds a program on PATH (with Windows' extensions), or undefined. */
export function findOnPath(name: string, pathEnv: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const names = platform === 'win32' ? [`${name}.exe`, `${name}.cmd`, `${name}.bat`, name] : [name];
  for (const dir of pathEnv.split(platform === 'win32' ? ';' : delimiter)) {
    if (!dir) continue;
    for (const n of names) if (isFile(join(dir, n))) return join(dir, n);
  }
  return undefined;
}

/** Every agent Airlock knows, with what shows it is installed here. */
export function agentInventory(options: InventoryOptions = {}): AgentPresence[] {
  const home = options.home ?? homedir();
  const pathEnv = options.path ?? process.env.PATH ?? '';
  return (Object.keys(AGENTS) as HookAgent[]).map((agent) => {
    const mod = AGENTS[agent];
    const machine: string[] = [];
    for (const dir of mod.detect.homeDirs) if (existsSync(join(home, dir))) machine.push(`~/${dir}`);
    for (const bin of mod.detect.binaries) {
      const found = findOnPath(bin, pathEnv, options.platform);
      if (found) machine.push(found);
    }
    const workspace = options.root ? mod.detect.workspaceDirs.filter((d) => existsSync(join(options.root!, d))) : [];
    return { agent, name: mod.name, machine, workspace };
  });
}
