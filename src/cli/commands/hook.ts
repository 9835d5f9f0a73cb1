import { HOOK_USAGE, runAgentHook } from '../hook/agentHook';
import type { CliCommand } from '../io';

/** `airlock hook cursor|claude|vscode`: answers an agent's pre-tool hook in its own format. */
export const hookCommand: CliCommand = {
  name: 'hook',
  summary: "answer an agent's pre-tool hook (cursor, claude, vscode)",
  usage: HOOK_USAGE,
  run: runAgentHook,
};
