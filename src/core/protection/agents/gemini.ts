import { join } from 'node:path';
import { commonBase, toolUseCall } from '../../hooks/payload';
import type { HookOutput, HookVerdict } from '../../hooks/types';
import { jsonHookFormat } from '../hook-file-formats';
import { exactKeys, parseAnswer, SELF_TEST_SESSION } from './shared';
import type { AgentModule } from './types';

const TIMEOUT_S = 300;
const format = jsonHookFormat({
  skeleton: '{\n  "hooks": {}\n}\n',
  // Gemini's timeout is in milliseconds. "*" matches every tool: the hook reads the tool itself.
  lists: [
    {
      path: ['hooks', 'BeforeTool'],
      entry: (command) => ({
        matcher: '*',
        hooks: [{ type: 'command', name: 'airlock', command, timeout: TIMEOUT_S * 1000, description: 'Airlock: confirm destructive actions' }],
      }),
    },
  ],
});

/** `{}` is no opinion (Gemini's own confirmation applies); allow/deny carry a reason. No "ask". */
function answer(_call: unknown, verdict: HookVerdict): HookOutput {
  if (verdict.decision === 'allow' && verdict.decidedBy === 'rules') return { stdout: '{}\n', stderr: '', exitCode: 0 };
  const body =
    verdict.decision === 'allow'
      ? { decision: 'allow', reason: verdict.agentMessage }
      : { decision: 'deny', reason: verdict.agentMessage, systemMessage: verdict.userMessage };
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

/** Gemini CLI (geminicli.com/docs/hooks/reference): settings.json hooks.BeforeTool. */
export const gemini: AgentModule = {
  id: 'gemini',
  name: 'Gemini CLI',
  requester: 'gemini',
  defaultTimeoutS: 60,
  installTimeoutS: TIMEOUT_S,
  parse: (p, cwd) => toolUseCall(commonBase('gemini', p, cwd), p, ['BeforeTool']),
  answer,
  canAsk: () => false,
  // the "*" matcher sees read_file.
  answersReads: true,
  malformedExit: 2,
  silentMeansNoOpinion: true,
  files: {
    workspace: (root) => [{ path: join(root, '.gemini', 'settings.json'), label: 'Gemini CLI (.gemini/settings.json)', format }],
    user: (home) => [{ path: join(home, '.gemini', 'settings.json'), label: 'Gemini CLI, every project (~/.gemini/settings.json)', format }],
  },
  detect: { homeDirs: ['.gemini'], binaries: ['gemini'], workspaceDirs: ['.gemini', 'GEMINI.md'] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({
        session_id: SELF_TEST_SESSION,
        transcript_path: '',
        cwd,
        hook_event_name: 'BeforeTool',
        timestamp: new Date().toISOString(),
        tool_name: 'run_shell_command',
        tool_input: { command, description: 'Airlock self-test' },
      }),
    read: (out) => {
      if (out.exitCode === 2) return out.stderr.trim() ? 'deny' : { wrong: 'exit 2 without a reason' };
      if (out.exitCode !== 0) return { wrong: `exit code ${out.exitCode}` };
      const body = parseAnswer(out.stdout);
      if (typeof body === 'string') return { wrong: body };
      const extra = exactKeys(body, ['decision', 'reason', 'systemMessage'], 'the answer');
      if (extra) return { wrong: extra };
      if (body.decision === undefined) return Object.keys(body).length === 0 ? 'allow' : { wrong: 'fields without a decision' };
      if (body.decision === 'allow') return 'allow';
      if (body.decision !== 'deny') return { wrong: `decision is ${String(body.decision)}` };
      return typeof body.reason === 'string' && body.reason ? 'deny' : { wrong: 'deny without a reason' };
    },
  },
  note: 'Older Gemini CLI builds need hooks enabled (tools.enableHooks / hooks.enabled).',
};
