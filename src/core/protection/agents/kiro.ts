import { join } from 'node:path';
import { exitCodeAnswer } from '../../hooks/answer';
import { commonBase, toolUseCall } from '../../hooks/payload';
import { jsonHookFormat } from '../hook-file-formats';
import { readExitCode } from './shared';
import type { AgentModule } from './types';

const TIMEOUT_S = 300;
// Kiro CLI v3 standalone hook file (.kiro/hooks/<name>.json): applies to every agent in the workspace.
const format = jsonHookFormat({
  skeleton: '{\n  "version": "v1",\n  "hooks": []\n}\n',
  emptyKeys: ['version'],
  lists: [
    {
      path: ['hooks'],
      entry: (command) => ({ name: 'airlock', trigger: 'PreToolUse', action: { type: 'command', command }, timeout: TIMEOUT_S, enabled: true }),
    },
  ],
});

/** Kiro CLI (kiro.dev/docs/cli/v3/hooks): PreToolUse blocks with exit 2, the reason on stderr. No "ask". */
export const kiro: AgentModule = {
  id: 'kiro',
  name: 'Kiro',
  requester: 'kiro',
  defaultTimeoutS: 30,
  installTimeoutS: TIMEOUT_S,
  parse: (p, cwd) => toolUseCall(commonBase('kiro', p, cwd), p, ['PreToolUse', 'preToolUse']),
  answer: (_call, verdict) => exitCodeAnswer(verdict),
  canAsk: () => false,
  // PreToolUse without a matcher sees every tool.
  answersReads: true,
  malformedExit: 2,
  files: {
    workspace: (root) => [{ path: join(root, '.kiro', 'hooks', 'airlock.json'), label: 'Kiro (.kiro/hooks/airlock.json)', format }],
    user: (home) => [{ path: join(home, '.kiro', 'hooks', 'airlock.json'), label: 'Kiro, every project (~/.kiro/hooks/airlock.json)', format }],
  },
  detect: { homeDirs: ['.kiro'], binaries: ['kiro-cli', 'kiro'], workspaceDirs: ['.kiro'] },
  selfTest: {
    payload: (command, cwd) => JSON.stringify({ hook_event_name: 'preToolUse', cwd, tool_name: 'execute_bash', tool_input: { command } }),
    read: readExitCode,
  },
  note: 'Kiro CLI 3 reads .kiro/hooks/*.json; Kiro 2.x hooks live in agent configs (run `kiro-cli agent migrate`).',
};
