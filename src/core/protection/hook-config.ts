import { agentModule, type HookAgent } from './agents';
import type { HookFileFormat } from './agents/types';
import { quoteLauncher } from './hook-file-formats';

export { CLAUDE_MATCHER } from './agents/claude';
export { CURSOR_EVENTS } from './agents/cursor';
export { isAirlockCommand, jsonHookFormat, quoteLauncher, UnreadableHookFile, wholeFileFormat } from './hook-file-formats';

/**
 * Airlock's entries in each agent's hook file. The formats live in hook-file-formats.ts and each
 * agent's module (./agents) says which one its files use; these are the per-agent entry points.
 */
export type HookFile = HookAgent;

/** `command` for each agent: the launcher, the agent and the timeout the hook must answer within. */
export function hookCommand(launcher: string, file: HookFile, platform: NodeJS.Platform = process.platform): string {
  return `${quoteLauncher(launcher, platform)} hook ${file} --timeout ${agentModule(file).installTimeoutS}`;
}

/** The first hook file format of an agent (the workspace one; user files share it). */
function formatOf(file: HookFile): HookFileFormat {
  const mod = agentModule(file);
  const spec = mod.files.workspace('/w')[0] ?? mod.files.user('/h')[0];
  if (!spec) throw new Error(`no hook file format for ${file}`);
  return spec.format;
}

/** Adds (or refreshes) Airlock's entries. `text` undefined means the file does not exist yet. */
export function addAirlockHooks(text: string | undefined, file: HookFile, command: string): string {
  return formatOf(file).add(text, command);
}

/** Takes Airlock's entries out; undefined when nothing else is left (the caller deletes the file). */
export function removeAirlockHooks(text: string, file: HookFile): string | undefined {
  return formatOf(file).remove(text);
}

export function hasAirlockHooks(text: string | undefined, file: HookFile): boolean {
  return formatOf(file).has(text);
}
