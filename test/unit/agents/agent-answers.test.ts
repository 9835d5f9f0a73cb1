import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runHook } from '../../../src/core/hooks/run-hook';
import type { HookAgent, HookOutput } from '../../../src/core/hooks/types';
import type { ConfirmRequest, ConfirmResponse } from '../../../src/core/ipc/protocol';
import type { EditorAnswer } from '../../../src/core/ipc-client';
import { AGENT_IDS, AGENTS } from '../../../src/core/protection/agents';
import { fakeAssess, PAYLOADS, ROOT } from './fixtures';

type Editor = 'allow' | 'deny' | 'absent';

async function hook(agent: HookAgent, payload: unknown, editor: Editor, env: NodeJS.ProcessEnv = {}) {
  const asked: ConfirmRequest[] = [];
  const ask = async (request: ConfirmRequest): Promise<EditorAnswer<ConfirmResponse>> => {
    asked.push(request);
    if (editor === 'absent') return { unreachable: 'no editor window with Airlock has this folder open' };
    return { decision: editor, decidedBy: 'person', message: editor };
  };
  const out = await runHook({
    agent,
    cwd: ROOT,
    env,
    timeoutMs: 10_000,
    assess: fakeAssess,
    ask,
    readStdin: async () => (typeof payload === 'string' ? payload : JSON.stringify(payload)),
    record: async () => {},
  });
  return { ...out, asked };
}

function body(out: HookOutput): Record<string, unknown> {
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

/**
 * Each agent's documented answer, field by field, written out here independently of the code
 * under test: `allow` for a benign call (Airlock stays out of the way), `person-allow`, `deny`, `ask`.
 */
function expectAnswer(agent: HookAgent, out: HookOutput, expected: 'benign' | 'person-allow' | 'deny' | 'ask', event?: string): void {
  const where = `${agent} ${expected}: ${JSON.stringify(out)}`;
  const claudeShape = (decision: string) => {
    assert.equal(out.exitCode, 0, where);
    const b = body(out);
    assert.deepEqual(Object.keys(b), ['hookSpecificOutput'], where);
    const h = b.hookSpecificOutput as Record<string, unknown>;
    assert.deepEqual(Object.keys(h), ['hookEventName', 'permissionDecision', 'permissionDecisionReason'], where);
    assert.equal(h.hookEventName, 'PreToolUse');
    assert.equal(h.permissionDecision, decision, where);
    assert.ok(typeof h.permissionDecisionReason === 'string' && h.permissionDecisionReason.length > 0, where);
  };
  switch (agent) {
    case 'cursor': {
      assert.equal(out.exitCode, 0, where);
      if (expected === 'benign' || expected === 'person-allow') {
        assert.equal(out.stdout, '{"permission":"allow"}\n', where);
        return;
      }
      const b = body(out);
      if (event === 'beforeReadFile') {
        assert.deepEqual(b, { permission: 'deny' }, where);
        return;
      }
      assert.deepEqual(Object.keys(b), ['permission', 'user_message', 'agent_message', 'userMessage', 'agentMessage'], where);
      assert.equal(b.permission, 'deny', 'Cursor never gets ask: it behaves as deny there');
      return;
    }
    case 'claude':
    case 'vscode':
    case 'codex':
      if (expected === 'benign') {
        assert.deepEqual([out.exitCode, out.stdout], [0, ''], where);
        return;
      }
      if (agent === 'codex') assert.notEqual(expected, 'ask', 'Codex has no ask');
      claudeShape(expected === 'person-allow' ? 'allow' : expected);
      return;
    case 'gemini': {
      assert.equal(out.exitCode, 0, where);
      const b = body(out);
      if (expected === 'benign') {
        assert.deepEqual(b, {}, where);
        return;
      }
      if (expected === 'person-allow') {
        assert.deepEqual(Object.keys(b), ['decision', 'reason'], where);
        assert.equal(b.decision, 'allow');
        return;
      }
      assert.equal(expected, 'deny', 'Gemini has no ask');
      assert.deepEqual(Object.keys(b), ['decision', 'reason', 'systemMessage'], where);
      assert.equal(b.decision, 'deny');
      assert.match(String(b.reason), /Airlock/);
      return;
    }
    case 'copilot': {
      if (expected === 'benign') {
        assert.deepEqual([out.exitCode, out.stdout], [0, ''], where);
        return;
      }
      assert.equal(out.exitCode, 0, where);
      const b = body(out);
      assert.deepEqual(Object.keys(b), ['permissionDecision', 'permissionDecisionReason'], where);
      assert.equal(b.permissionDecision, expected === 'person-allow' ? 'allow' : expected, where);
      assert.ok(String(b.permissionDecisionReason).length > 0, 'the reason is required for deny');
      return;
    }
    case 'windsurf':
    case 'kiro':
      if (expected === 'benign' || expected === 'person-allow') {
        assert.deepEqual([out.exitCode, out.stdout, out.stderr], [0, '', ''], where);
        return;
      }
      assert.equal(expected, 'deny', `${agent} has no ask`);
      assert.equal(out.exitCode, 2, 'blocks only with exit 2');
      assert.equal(out.stdout, '');
      assert.match(out.stderr, /Airlock/, 'the reason on stderr reaches the model');
      return;
    case 'opencode': {
      assert.equal(out.exitCode, 0, where);
      if (expected === 'benign' || expected === 'person-allow') {
        assert.deepEqual(body(out), { decision: 'allow' }, where);
        return;
      }
      assert.equal(expected, 'deny');
      const b = body(out);
      assert.deepEqual(Object.keys(b), ['decision', 'reason'], where);
      assert.equal(b.decision, 'deny');
      return;
    }
    case 'cline': {
      assert.equal(out.exitCode, 0, where);
      if (expected === 'benign' || expected === 'person-allow') {
        assert.deepEqual(body(out), { cancel: false }, where);
        return;
      }
      assert.equal(expected, 'deny');
      const b = body(out);
      assert.deepEqual(Object.keys(b), ['cancel', 'errorMessage'], where);
      assert.equal(b.cancel, true);
      return;
    }
  }
}

for (const agent of AGENT_IDS) {
  const p = PAYLOADS[agent];
  const mod = AGENTS[agent];

  test(`${agent}: a benign command passes at once, nobody is asked`, async () => {
    for (const command of ['git status', 'ls -la', 'npm test']) {
      const r = await hook(agent, p.shell(command), 'absent');
      assert.equal(r.asked.length, 0);
      expectAnswer(agent, r, 'benign');
    }
  });

  test(`${agent}: a destructive command waits for the person in the editor, and gets their answer in ${mod.name}'s format`, async () => {
    const allowed = await hook(agent, p.shell('railway volume delete vol_1'), 'allow');
    assert.equal(allowed.asked.length, 1);
    assert.equal(allowed.asked[0]!.requester, mod.requester);
    assert.equal(allowed.asked[0]!.command, 'railway volume delete vol_1');
    expectAnswer(agent, allowed, 'person-allow');
    const denied = await hook(agent, p.shell('railway volume delete vol_1'), 'deny');
    expectAnswer(agent, denied, 'deny');
  });

  test(`${agent}: with no editor, a destructive command is ${agent === 'claude' || agent === 'copilot' ? "left to the agent's own prompt (ask)" : 'denied with a reason the model can act on'}`, async () => {
    const r = await hook(agent, p.shell('railway volume delete vol_1'), 'absent');
    if (agent === 'claude' || agent === 'copilot') expectAnswer(agent, r, 'ask');
    else {
      expectAnswer(agent, r, 'deny');
      assert.match(r.stdout + r.stderr, /open this folder in VS Code or Cursor with Airlock/i, 'says what to do');
    }
  });

  test(`${agent}: rm -rf / is denied by the rules without asking anyone`, async () => {
    const r = await hook(agent, p.shell('rm -rf /'), 'allow');
    assert.equal(r.asked.length, 0);
    expectAnswer(agent, r, 'deny');
  });

  test(`${agent}: reading a file that holds secrets asks the person${p.read ? '' : ' (through the shell: this agent has no read event)'}`, async () => {
    const payload = p.read ? p.read(`${ROOT}/.env`) : p.shell('cat .env');
    const r = await hook(agent, payload, 'deny');
    assert.equal(r.asked.length, 1, JSON.stringify(r));
    expectAnswer(agent, r, 'deny', agent === 'cursor' && p.read ? 'beforeReadFile' : undefined);
    const plain = await hook(agent, p.read ? p.read(`${ROOT}/src/app.ts`) : p.shell('cat src/app.ts'), 'deny');
    assert.equal(plain.asked.length, 0, 'an ordinary source file passes');
  });

  test(`${agent}: writing a hook file asks (it would turn Airlock off); an ordinary write does not`, async () => {
    for (const file of [`${ROOT}/.claude/settings.json`, `${ROOT}/.cursor/hooks.json`, '/home/dev/.config/airlock/policy.json', `${ROOT}/.codex/hooks.json`]) {
      const r = await hook(agent, p.write(file), 'deny');
      assert.equal(r.asked.length, 1, `${agent} ${file}`);
      assert.match(r.asked[0]!.reason ?? '', /Airlock/);
      expectAnswer(agent, r, 'deny');
    }
    const ordinary = await hook(agent, p.write(`${ROOT}/src/app.ts`), 'deny');
    assert.equal(ordinary.asked.length, 0);
  });

  test(`${agent}: malformed payloads are denied in ${mod.name}'s format, never a crash`, async () => {
    for (const payload of [p.malformed, '', 'not json', '[1,2]', '\u0000\u0001']) {
      const r = await hook(agent, payload, 'allow');
      assert.equal(r.asked.length, 0);
      assert.equal(r.exitCode, mod.malformedExit, JSON.stringify(r));
      const read = mod.selfTest.read(r);
      assert.equal(read, 'deny', `${agent} ${JSON.stringify(payload)}: ${JSON.stringify(r)}`);
      assert.doesNotMatch(r.stdout + r.stderr, /at .*\.ts:\d+/, 'no stack trace');
    }
  });
}

test('Copilot CLI in the cloud (or CI) has no person at the agent: no editor means deny, not ask', async () => {
  const r = await hook('copilot', PAYLOADS.copilot.shell('railway volume delete vol_1'), 'absent', { GITHUB_ACTIONS: 'true' });
  expectAnswer('copilot', r, 'deny');
});

test("Copilot CLI's VS Code-compatible payload (PascalCase event) is answered in the VS Code shape", async () => {
  const payload = {
    hook_event_name: 'PreToolUse',
    session_id: 's',
    cwd: ROOT,
    tool_name: 'bash',
    tool_input: { command: 'railway volume delete vol_1' },
    tool_use_id: 'x',
  };
  const r = await hook('copilot', payload, 'deny');
  assert.equal(r.asked.length, 1);
  assert.equal((body(r).hookSpecificOutput as Record<string, unknown>).permissionDecision, 'deny');
});

test('Codex sends its command as an argv array in some builds: bash -lc "<line>" is read as the line', async () => {
  const r = await hook(
    'codex',
    { hook_event_name: 'PreToolUse', cwd: ROOT, tool_name: 'Bash', tool_input: { command: ['bash', '-lc', 'railway volume delete vol_1'] } },
    'deny',
  );
  assert.equal(r.asked[0]?.command, 'railway volume delete vol_1');
});

test('MCP calls from Windsurf, Cline and Cursor are read as mcp__server__tool with their arguments', async () => {
  const w = await hook(
    'windsurf',
    {
      agent_action_name: 'pre_mcp_tool_use',
      trajectory_id: 't',
      tool_info: { mcp_server_name: 'railway', mcp_tool_name: 'volume_delete', mcp_tool_arguments: { id: 'vol_1' } },
    },
    'deny',
  );
  assert.equal(w.asked.length, 1);
  assert.match(w.asked[0]!.command ?? '', /^mcp__railway__volume_delete/);
  const c = await hook(
    'cline',
    {
      hookName: 'PreToolUse',
      workspaceRoots: [ROOT],
      taskId: 't',
      preToolUse: { toolName: 'use_mcp_tool', parameters: { server_name: 'db', tool_name: 'run', arguments: '{"command":"railway volume delete vol_1"}' } },
    },
    'deny',
  );
  assert.equal(c.asked.length, 1, 'a command inside MCP arguments is checked');
  const cur = await hook('cursor', { hook_event_name: 'beforeMCPExecution', workspace_roots: [ROOT], tool_name: 'list_items', tool_input: '{}' }, 'deny');
  assert.equal(cur.asked.length, 0);
});
