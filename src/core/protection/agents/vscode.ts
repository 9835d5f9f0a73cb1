import { join } from 'node:path';
import { postToolUseAnswer, toolUseAnswer } from '../../hooks/answer';
import { commonBase, MalformedPayload, postToolCall, str, toolUseCall } from '../../hooks/payload';
import type { HookCall } from '../../hooks/types';
import { jsonHookFormat } from '../hook-file-formats';
import { readToolUse, SELF_TEST_SESSION, selfTestId } from './shared';
import type { AgentModule } from './types';

const TIMEOUT_S = 300;
/** An observe-only event asks no one: it answers in well under a second. */
export const OBSERVE_TIMEOUT_S = 30;
// VS Code ignores matchers (hooks run for every tool), so the entry has none: the hook reads
// VS Code's own tool names (run_in_terminal, create_file, replace_string_in_file...) itself.
const format = jsonHookFormat({
  skeleton: '{\n  "hooks": {}\n}\n',
  lists: [
    { path: ['hooks', 'PreToolUse'], entry: (command) => ({ type: 'command', command, timeout: TIMEOUT_S }) },
    // After a tool ran: an edit by a tool the pre-hook did not read as one can only be alerted on.
    { path: ['hooks', 'PostToolUse'], entry: (command) => ({ type: 'command', command, timeout: OBSERVE_TIMEOUT_S }), observeOnly: true },
  ],
});

function parse(p: Record<string, unknown>, fallbackCwd: string): HookCall {
  const base = commonBase('vscode', p, fallbackCwd);
  if (base.event !== 'PostToolUse') return toolUseCall(base, p);
  const toolName = str(p.tool_name) ?? str(p.toolName);
  if (toolName === undefined) throw new MalformedPayload('PostToolUse without a "tool_name" string');
  return postToolCall(base, toolName, p.tool_input ?? p.toolArgs);
}

/** VS Code agent hooks (code.visualstudio.com/docs/copilot/customization/hooks): .github/hooks/*.json. */
export const vscode: AgentModule = {
  id: 'vscode',
  name: 'VS Code agent (Copilot)',
  requester: 'copilot',
  defaultTimeoutS: 30,
  installTimeoutS: TIMEOUT_S,
  parse,
  answer: (_call, verdict) => toolUseAnswer(verdict),
  observed: (_call, alert) => postToolUseAnswer(alert),
  canAsk: () => false,
  // hooks run for every tool.
  answersReads: true,
  malformedExit: 2,
  silentMeansNoOpinion: true,
  files: {
    workspace: (root) => [{ path: join(root, '.github', 'hooks', 'airlock.json'), label: 'VS Code agent hooks (.github/hooks/airlock.json)', format }],
    user: () => [],
  },
  // VS Code's agent is Copilot in the editor: the extension sees it (agent-detection.ts), no folder shows it.
  detect: { homeDirs: [], binaries: [], workspaceDirs: [] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({
        timestamp: new Date().toISOString(),
        hook_event_name: 'PreToolUse',
        session_id: SELF_TEST_SESSION,
        transcript_path: '',
        cwd,
        tool_name: 'run_in_terminal',
        tool_input: { command, explanation: 'Airlock self-test', isBackground: false },
        tool_use_id: selfTestId(),
      }),
    // The egress gate may hand the command back wrapped in `airlock run` (updatedInput).
    read: (out) => readToolUse(out, undefined, true),
  },
  note: 'VS Code runs agent hooks only with chat.useHooks on (Preview).',
};
