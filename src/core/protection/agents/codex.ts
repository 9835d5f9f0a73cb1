import { join } from 'node:path';
import { toolUseAnswer } from '../../hooks/answer';
import { commonBase, toolUseCall } from '../../hooks/payload';
import { jsonHookFormat } from '../hook-file-formats';
import { readToolUse, SELF_TEST_SESSION, selfTestId } from './shared';
import type { AgentModule } from './types';

const TIMEOUT_S = 300;
/** Codex's PreToolUse sees shell calls, apply_patch (aliases Edit, Write) and MCP tools. */
const MATCHER = 'Bash|apply_patch|Edit|Write|mcp__.*';
const format = jsonHookFormat({
  skeleton: '{\n  "hooks": {}\n}\n',
  lists: [{ path: ['hooks', 'PreToolUse'], entry: (command) => ({ matcher: MATCHER, hooks: [{ type: 'command', command, timeout: TIMEOUT_S }] }) }],
});

/**
 * OpenAI Codex CLI (developers.openai.com/codex/hooks): .codex/hooks.json, Claude-like schema.
 * Only allow and deny: an "ask" makes the hook fail and the tool run, and any field beyond the
 * documented ones voids the whole answer, so the answer carries exactly those.
 */
export const codex: AgentModule = {
  id: 'codex',
  name: 'Codex CLI',
  requester: 'codex',
  defaultTimeoutS: 600,
  installTimeoutS: TIMEOUT_S,
  parse: (p, cwd) => toolUseCall(commonBase('codex', p, cwd), p),
  answer: (_call, verdict) => toolUseAnswer(verdict, ['allow', 'deny']),
  canAsk: () => false,
  // PreToolUse sees shell, apply_patch and MCP only: no reads.
  answersReads: false,
  malformedExit: 2,
  trustedByContent: true,
  silentMeansNoOpinion: true,
  files: {
    workspace: (root) => [{ path: join(root, '.codex', 'hooks.json'), label: 'Codex CLI (.codex/hooks.json)', format }],
    user: (home) => [{ path: join(home, '.codex', 'hooks.json'), label: 'Codex CLI, every project (~/.codex/hooks.json)', format }],
  },
  detect: { homeDirs: ['.codex'], binaries: ['codex'], workspaceDirs: ['.codex'] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({
        session_id: SELF_TEST_SESSION,
        turn_id: '1',
        transcript_path: null,
        cwd,
        hook_event_name: 'PreToolUse',
        model: 'gpt-5-codex',
        permission_mode: 'default',
        tool_name: 'Bash',
        tool_input: { command },
        tool_use_id: selfTestId(),
      }),
    read: (out) => readToolUse(out, ['allow', 'deny']),
  },
  note: 'Codex trusts hooks by content hash: after Airlock installs or updates this hook, review it in Codex with /hooks, or Codex will not run it. Codex before 0.124 also needs `[features] codex_hooks = true` in config.toml.',
};
