// The hook asks about MCP calls whose arguments are destructive, for Claude Code and Cursor alike.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCommand } from '../../../src/core/guard/engine';
import { decideHook, type HookDeps } from '../../../src/core/hooks/decide';
import type { HookCall } from '../../../src/core/hooks/types';

const asked: string[] = [];
const deps: HookDeps = {
  assess: (line, cwd) => checkCommand(line, { cwd }),
  askEditor: async (request) => {
    asked.push(request.command ?? '');
    return { decision: 'deny', decidedBy: 'person', message: 'blocked' };
  },
  protectedFiles: { globs: [] },
  timeoutMs: 30_000,
};
const call = (agent: HookCall['agent'], toolName: string, toolInput: unknown): HookCall => ({
  agent,
  event: agent === 'cursor' ? 'beforeMCPExecution' : 'PreToolUse',
  kind: 'tool',
  toolName,
  toolInput,
  cwd: '/home/dev/project',
  roots: ['/home/dev/project'],
});

test('a destructive SQL argument goes to a person, from Claude Code and from Cursor', async () => {
  for (const agent of ['claude', 'cursor'] as const) {
    asked.length = 0;
    const verdict = await decideHook(call(agent, agent === 'claude' ? 'mcp__postgres__query' : 'query', { sql: 'DROP TABLE bookings' }), deps);
    assert.equal(verdict.decision, 'deny', agent);
    assert.equal(verdict.decidedBy, 'person', agent);
    assert.equal(verdict.rule, 'mcp.sql-destructive');
    assert.match(asked[0]!, /DROP TABLE bookings/);
  }
});

test('rm -rf / in an args array is denied without asking', async () => {
  asked.length = 0;
  const verdict = await decideHook(call('claude', 'mcp__shell__exec', { command: 'rm', args: ['-rf', '/'] }), deps);
  assert.equal(verdict.decision, 'deny');
  assert.equal(verdict.decidedBy, 'policy');
  assert.equal(asked.length, 0);
});

test('an everyday MCP call is allowed at once', async () => {
  const verdict = await decideHook(call('claude', 'mcp__postgres__query', { sql: 'SELECT count(*) FROM bookings' }), deps);
  assert.equal(verdict.decision, 'allow');
});
