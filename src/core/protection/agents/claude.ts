import { join } from 'node:path';
import { toolUseAnswer } from '../../hooks/answer';
import { commonBase, toolUseCall } from '../../hooks/payload';
import { jsonHookFormat } from '../hook-file-formats';
import { readToolUse, SELF_TEST_SESSION, selfTestId } from './shared';
import type { AgentModule } from './types';

/** Claude Code tools Airlock looks at: shell, reads, searches, every file write and every MCP tool. */
export const CLAUDE_MATCHER = 'Bash|Read|Grep|Glob|Write|Edit|MultiEdit|NotebookEdit|mcp__.*';
const TIMEOUT_S = 300;

// `onFailure: "block"` (Claude Code 2.1.295+): a hook that cannot start, times out or exits
// oddly blocks the call instead of letting it through unseen.
const format = jsonHookFormat({
  skeleton: '{\n  "hooks": {}\n}\n',
  lists: [
    {
      path: ['hooks', 'PreToolUse'],
      entry: (command) => ({ matcher: CLAUDE_MATCHER, hooks: [{ type: 'command', command, timeout: TIMEOUT_S, onFailure: 'block' }] }),
    },
  ],
});

/** Claude Code (code.claude.com/docs/en/hooks): PreToolUse in .claude/settings.json. */
export const claude: AgentModule = {
  id: 'claude',
  name: 'Claude Code',
  requester: 'claude',
  defaultTimeoutS: 60,
  installTimeoutS: TIMEOUT_S,
  parse: (p, cwd) => toolUseCall(commonBase('claude', p, cwd), p),
  answer: (_call, verdict) => toolUseAnswer(verdict),
  // Claude's own prompt reaches the person, unless the session bypasses permissions.
  canAsk: (call) => call.permissionMode !== 'bypassPermissions',
  // Read|Grep|Glob are in the matcher.
  answersReads: true,
  malformedExit: 2,
  silentMeansNoOpinion: true,
  files: {
    workspace: (root) => [{ path: join(root, '.claude', 'settings.json'), label: 'Claude Code (.claude/settings.json)', format }],
    user: (home) => [{ path: join(home, '.claude', 'settings.json'), label: 'Claude Code, every project (~/.claude/settings.json)', format }],
  },
  detect: { homeDirs: ['.claude'], binaries: ['claude'], workspaceDirs: ['.claude', 'CLAUDE.md'] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({
        session_id: SELF_TEST_SESSION,
        transcript_path: '',
        cwd,
        permission_mode: 'default',
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command, description: 'Airlock self-test' },
        tool_use_id: selfTestId(),
      }),
    // The egress gate may hand the command back wrapped in `airlock run` (updatedInput).
    read: (out) => readToolUse(out, undefined, true),
  },
  note: 'Claude Code 2.1.295 or later honours "onFailure": "block"; older versions let a failing hook through.',
};
