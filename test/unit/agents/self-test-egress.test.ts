import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { egressHookAnswer } from '../../../src/core/egress/hook-wrap';
import { toolUseAnswer } from '../../../src/core/hooks/answer';
import type { HookCall, HookVerdict } from '../../../src/core/hooks/types';
import { AGENTS } from '../../../src/core/protection/agents';
import { SELF_TEST_BENIGN, SELF_TEST_DESTRUCTIVE } from '../../../src/core/protection/self-test';

/**
 * Where the egress sandbox can start, the hooks hand a benign shell command back wrapped in
 * `airlock run` (hookSpecificOutput.updatedInput). The self-test must read that as "let through"
 * for the agents whose protocol has updatedInput, or Protect reports every Claude Code and
 * VS Code hook as failed on exactly the machines best protected (found by the first-run UI test).
 */
const home = mkdtempSync(join(tmpdir(), 'airlock-selftest-egress-'));
test.after(() => rmSync(home, { recursive: true, force: true }));
const config = { wrap: true, airlock: '/opt/airlock/bin/airlock' };
const allowByRules: HookVerdict = { decision: 'allow', decidedBy: 'rules', userMessage: '', agentMessage: '' } as HookVerdict;
const deny: HookVerdict = { decision: 'deny', decidedBy: 'rules', userMessage: 'no', agentMessage: 'blocked: rm -rf /' } as HookVerdict;

function answerFor(agent: 'claude' | 'vscode', command: string, verdict: HookVerdict) {
  const payload = AGENTS[agent].selfTest.payload(command, home);
  const call = { agent, event: 'PreToolUse', kind: 'command', command, cwd: home } as HookCall;
  return egressHookAnswer(agent, payload, call, verdict, toolUseAnswer(verdict), config, home);
}

for (const agent of ['claude', 'vscode'] as const) {
  test(`${agent}: a benign command handed back wrapped in airlock run reads as let through; the destructive one still as blocked`, () => {
    const wrapped = answerFor(agent, SELF_TEST_BENIGN, allowByRules);
    assert.match(wrapped.stdout, /updatedInput/, 'the egress gate rewrote the command');
    assert.equal(AGENTS[agent].selfTest.read(wrapped), 'allow');
    assert.equal(AGENTS[agent].selfTest.read(answerFor(agent, SELF_TEST_DESTRUCTIVE, deny)), 'deny');
  });
}

test('way around 1: updatedInput with no command in it is not a pass', () => {
  const out = { stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', updatedInput: {} } }), stderr: '', exitCode: 0 };
  assert.deepEqual(AGENTS.claude.selfTest.read(out), { wrong: 'updatedInput holds no command' });
  const notObject = { stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', updatedInput: 'rm -rf /' } }), stderr: '', exitCode: 0 };
  assert.equal(typeof AGENTS.claude.selfTest.read(notObject), 'object');
});

test('way around 2: an agent whose protocol has no updatedInput (Codex) does not accept one', () => {
  const out = {
    stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', updatedInput: { command: 'airlock run -- git status' } } }),
    stderr: '',
    exitCode: 0,
  };
  assert.match(JSON.stringify(AGENTS.codex.selfTest.read(out)), /unexpected field\(s\) updatedInput/);
});

test('way around 3: a rewritten input cannot smuggle an allow past a deny, nor drop the reason of a decision', () => {
  const deniedButRewritten = {
    stdout: JSON.stringify({
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'blocked', updatedInput: { command: 'true' } },
    }),
    stderr: '',
    exitCode: 0,
  };
  assert.equal(AGENTS.claude.selfTest.read(deniedButRewritten), 'deny');
  const noReason = {
    stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'allow', updatedInput: { command: 'git status' } } }),
    stderr: '',
    exitCode: 0,
  };
  assert.deepEqual(AGENTS.claude.selfTest.read(noReason), { wrong: 'no permissionDecisionReason' });
});
