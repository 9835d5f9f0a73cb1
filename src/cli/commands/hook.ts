import { HOOK_USAGE, runAgentHook } from '../hook/agent-hook';
import type { CliCommand } from '../io';

/** `airlock hook <agent>`: answers an agent's pre-tool hook in its own format. */
export const hookCommand: CliCommand = {
  name: 'hook',
  summary: "answer an agent's pre-tool hook (cursor, claude, vscode, codex, gemini, copilot, windsurf, kiro, opencode, cline)",
  usage: HOOK_USAGE,
  run: runAgentHook,
};
