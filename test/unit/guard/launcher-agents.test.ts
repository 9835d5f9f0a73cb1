// Every agent's benign shell call is answered by the launcher's sh fast path exactly as Node's
// runHook answers it (stdout field by field, exit code), and a destructive call, or any payload
// shape the fast path cannot read as Node does, is never answered there.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { checkCommand } from '../../../src/core/guard/engine';
import { runHook } from '../../../src/core/hooks/run-hook';
import type { HookAgent } from '../../../src/core/hooks/types';
import { AGENTS } from '../../../src/core/protection/agents';
import { REPO_ROOT } from './dcg-corpus';

// Built into a folder of its own, with no CLI beside it: whatever it answers, it answered in sh.
const built = mkdtempSync(join(tmpdir(), 'airlock-agents-launcher-'));
const launcher = join(built, 'airlock');
const NEW_AGENTS: HookAgent[] = ['codex', 'gemini', 'copilot', 'windsurf', 'kiro', 'opencode', 'cline'];
let cwd: string;
let home: string;

before(async () => {
  const { buildLauncher } = await import(join(REPO_ROOT, 'scripts/build-launcher.mjs'));
  await buildLauncher(built);
  cwd = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-agents-cwd-')));
  home = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-agents-home-')));
});

function shellOnly(agent: string, payload: string) {
  const r = spawnSync('sh', [launcher, 'hook', agent], {
    input: payload,
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, TMPDIR: tmpdir() },
    timeout: 20_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}

async function node(agent: HookAgent, payload: string) {
  const asked: unknown[] = [];
  const out = await runHook({
    agent,
    cwd,
    env: { HOME: home },
    timeoutMs: 20_000,
    assess: (line, dir) => checkCommand(line, { cwd: dir }),
    ask: async (request) => {
      asked.push(request);
      return { unreachable: 'no editor in this test' };
    },
    readStdin: async () => payload,
    record: async () => {},
  });
  return { ...out, asked };
}

/**
 * The agent's documented shell call. Copilot CLI's camelCase event carries its arguments as
 * escaped JSON text (never settled in sh, see below); its PascalCase event sends VS Code's
 * snake_case payload, which is.
 */
function benignPayload(agent: HookAgent, command: string): string {
  if (agent === 'copilot')
    return JSON.stringify({ hook_event_name: 'PreToolUse', session_id: 's', cwd, tool_name: 'bash', tool_input: { command, description: 'x' } });
  return AGENTS[agent].selfTest.payload(command, cwd);
}

/** The answer as fields: parsed JSON when there is output, so key order and spacing do not hide a difference. */
function fields(stdout: string): unknown {
  return stdout.trim() === '' ? '' : JSON.parse(stdout);
}

test("each new agent's benign shell call: the launcher answers in sh what Node answers", async () => {
  const differ: string[] = [];
  for (const agent of NEW_AGENTS) {
    for (const command of ['git status', 'ls -la', 'cat README.md']) {
      const payload = benignPayload(agent, command);
      const sh = shellOnly(agent, payload);
      const js = await node(agent, payload);
      assert.deepEqual(js.asked, [], `${agent}: Node asked about ${command}`);
      assert.equal(AGENTS[agent].selfTest.read(js), 'allow', `${agent}: Node's own answer reads as allow`);
      if (sh.stderr !== '' || sh.exitCode !== js.exitCode || JSON.stringify(fields(sh.stdout)) !== JSON.stringify(fields(js.stdout))) {
        differ.push(`${agent} ${command}: sh ${JSON.stringify(sh)} node ${JSON.stringify({ stdout: js.stdout, exitCode: js.exitCode })}`);
      }
      if (sh.stdout !== js.stdout) differ.push(`${agent} ${command}: bytes differ ${JSON.stringify(sh.stdout)} vs ${JSON.stringify(js.stdout)}`);
    }
  }
  assert.deepEqual(differ, []);
});

test('a destructive call is never answered by the fast path, for any agent', () => {
  const answered: string[] = [];
  for (const agent of NEW_AGENTS) {
    for (const command of ['rm -rf ~', 'git push --force origin main', './scripts/cleanup', 'railway volume delete vol_prod']) {
      const sh = shellOnly(agent, benignPayload(agent, command));
      // The copy has no CLI beside it: reaching Node means "cannot start", never the benign answer.
      if (!/cannot start/.test(sh.stderr)) answered.push(`${agent} ${command}: ${JSON.stringify(sh)}`);
    }
  }
  assert.deepEqual(answered, []);
});

test('payload shapes Node would read differently are not answered in sh', () => {
  const benign = (agent: HookAgent) => JSON.parse(AGENTS[agent].selfTest.payload('git status', cwd)) as Record<string, unknown>;
  const cases: Array<[HookAgent, Record<string, unknown>]> = [
    // The command outside the object Node reads it from (Node: malformed, deny).
    ['opencode', { ...benign('opencode'), args: { description: 'x' }, command: 'git status' }],
    ['codex', { ...benign('codex'), tool_input: { description: 'x' }, command: 'git status' }],
    ['windsurf', { ...benign('windsurf'), tool_info: { cwd }, command_line: 'git status' }],
    // A second folder: Node reads one of them, the fast path cannot tell which.
    ['windsurf', { ...benign('windsurf'), cwd: '/' }],
    ['cline', { ...benign('cline'), workspaceRoots: ['/', cwd] }],
    // Another event or tool: Node reads it as something else.
    ['gemini', { ...benign('gemini'), hook_event_name: 'PreToolUse' }],
    ['codex', { ...benign('codex'), tool_name: 'powershell' }],
    ['kiro', { ...benign('kiro'), hookEventName: 'preToolUse' }],
    // Copilot's camelCase shape carries its arguments as escaped JSON text.
    ['copilot', JSON.parse(AGENTS.copilot.selfTest.payload('git status', cwd)) as Record<string, unknown>],
    ['cline', { ...benign('cline'), hookName: 'PostToolUse' }],
  ];
  const answered: string[] = [];
  for (const [agent, payload] of cases) {
    const sh = shellOnly(agent, JSON.stringify(payload));
    if (!/cannot start/.test(sh.stderr)) answered.push(`${agent} ${JSON.stringify(payload)}: ${JSON.stringify(sh)}`);
  }
  assert.deepEqual(answered, []);
});
