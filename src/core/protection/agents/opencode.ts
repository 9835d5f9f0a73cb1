import { join } from 'node:path';
import { classifyTool, commonBase, MalformedPayload, str } from '../../hooks/payload';
import type { HookCall, HookOutput, HookVerdict } from '../../hooks/types';
import { wholeFileFormat } from '../hook-file-formats';
import { exactKeys, parseAnswer } from './shared';
import type { AgentModule } from './types';

const MARKER = 'airlock-opencode-guard';

/**
 * opencode has no command hooks: Airlock installs a plugin whose `tool.execute.before` sends the
 * call to `airlock hook opencode` and throws (which blocks the tool) on anything but an explicit
 * allow: a crash, no answer or an unreadable answer all block.
 */
function plugin(command: string): string {
  return `// ${MARKER}: written by "Airlock: Protect"; "Airlock: Remove Protection" deletes it.
// Sends each tool call to Airlock before it runs and blocks it unless Airlock answers allow.
import { spawn } from "node:child_process";

const AIRLOCK = ${JSON.stringify(command)};

function ask(payload) {
  return new Promise((resolve) => {
    let out = "";
    let err = "";
    let child;
    try {
      child = spawn(AIRLOCK, { shell: true, stdio: ["pipe", "pipe", "pipe"] });
    } catch (e) {
      resolve({ decision: "deny", reason: "Airlock could not start: " + e });
      return;
    }
    child.stdout.on("data", (c) => { out += c; });
    child.stderr.on("data", (c) => { err += c; });
    child.on("error", (e) => resolve({ decision: "deny", reason: "Airlock could not start: " + e.message }));
    child.on("close", (code) => {
      try {
        const answer = JSON.parse(out);
        resolve(code === 0 ? answer : { decision: "deny", reason: answer.reason || err });
      } catch {
        resolve({ decision: "deny", reason: err.trim() || "Airlock gave no answer, so the call was blocked" });
      }
    });
    // A launcher that exits without reading (missing, broken) must not crash opencode with EPIPE.
    child.stdin.on("error", () => {});
    child.stdin.end(payload);
  });
}

export const AirlockGuard = async ({ directory }) => ({
  "tool.execute.before": async (input, output) => {
    const answer = await ask(JSON.stringify({ hook_event_name: "tool.execute.before", tool: input.tool, sessionID: input.sessionID, callID: input.callID, args: output.args, cwd: directory }));
    if (!answer || answer.decision !== "allow") throw new Error(answer && answer.reason ? answer.reason : "Blocked by Airlock");
  },
});
`;
}

function parse(p: Record<string, unknown>, fallbackCwd: string): HookCall {
  const base = { ...commonBase('opencode', p, fallbackCwd, { session: str(p.sessionID) }), callId: str(p.callID) };
  const tool = str(p.tool);
  if (tool === undefined) throw new MalformedPayload('the plugin sent no "tool" name');
  return classifyTool(base, tool, p.args);
}

/** The plugin's own protocol: an explicit allow lets the call run; anything else blocks it. */
function answer(_call: unknown, verdict: HookVerdict): HookOutput {
  const body = verdict.decision === 'allow' ? { decision: 'allow' } : { decision: 'deny', reason: verdict.agentMessage };
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

/** opencode (opencode.ai/docs/plugins): a plugin in .opencode/plugins. No "ask" reaches the plugin. */
export const opencode: AgentModule = {
  id: 'opencode',
  name: 'opencode',
  requester: 'opencode',
  defaultTimeoutS: 300,
  installTimeoutS: 300,
  parse,
  answer,
  canAsk: () => false,
  // tool.execute.before sees every tool.
  answersReads: true,
  malformedExit: 2,
  files: {
    workspace: (root) => [
      {
        path: join(root, '.opencode', 'plugins', 'airlock.js'),
        label: 'opencode (.opencode/plugins/airlock.js)',
        format: wholeFileFormat(plugin, MARKER, { encode: (c) => JSON.stringify(c).slice(1, -1) }),
      },
    ],
    user: (home) => [
      {
        path: join(home, '.config', 'opencode', 'plugins', 'airlock.js'),
        label: 'opencode, every project (~/.config/opencode/plugins/airlock.js)',
        format: wholeFileFormat(plugin, MARKER, { encode: (c) => JSON.stringify(c).slice(1, -1) }),
      },
    ],
  },
  detect: { homeDirs: ['.config/opencode', '.local/share/opencode'], binaries: ['opencode'], workspaceDirs: ['.opencode', 'opencode.json'] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({
        hook_event_name: 'tool.execute.before',
        tool: 'bash',
        sessionID: 'airlock-self-test',
        callID: 'airlock-self-test',
        args: { command, description: 'Airlock self-test' },
        cwd,
      }),
    read: (out) => {
      if (out.exitCode !== 0) return 'deny';
      const body = parseAnswer(out.stdout);
      if (typeof body === 'string') return { wrong: body };
      const extra = exactKeys(body, ['decision', 'reason'], 'the answer');
      if (extra) return { wrong: extra };
      if (body.decision === 'allow') return 'allow';
      return body.decision === 'deny' && typeof body.reason === 'string' ? 'deny' : { wrong: `decision is ${String(body.decision)}` };
    },
  },
  note: 'The self-test runs the command the plugin runs; opencode itself loads the plugin at its next start.',
};
