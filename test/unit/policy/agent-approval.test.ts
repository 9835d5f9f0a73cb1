import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActivityEvent } from '../../../src/core/events';
import type { CheckResult } from '../../../src/core/findings';
import { runHook } from '../../../src/core/hooks/run-hook';

const ROOT = '/work/managed-app';

/** A production target; `personOnly` as applyEnvironment sets it when policy forbids agent approval there. */
function assessWith(personOnly: boolean) {
  return async (): Promise<CheckResult> => ({
    decision: 'ask',
    environment: 'production',
    confirmation: 'typed',
    ...(personOnly ? { personOnly: true } : {}),
    target: { name: 'prod', resource: 'db', environment: 'production', evidence: [], sharedWith: [] },
    findings: [{ rule: 'databases.sql-drop', severity: 'critical', decision: 'ask', reason: 'Drops TABLE users', segment: 'psql -c "DROP TABLE users"' }],
  });
}

async function claude(personOnly: boolean, permission_mode = 'default') {
  const logged: ActivityEvent[] = [];
  const out = await runHook({
    agent: 'claude',
    cwd: ROOT,
    env: {},
    timeoutMs: 10_000,
    assess: assessWith(personOnly),
    ask: async () => ({ unreachable: 'no editor' }),
    readStdin: async () =>
      JSON.stringify({
        session_id: 's1',
        prompt_id: 'p-42',
        cwd: ROOT,
        permission_mode,
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command: 'psql -c "DROP TABLE users"' },
        tool_use_id: 'toolu_01',
      }),
    record: async (e) => {
      logged.push(e);
    },
  });
  return { json: JSON.parse(out.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } }, logged };
}

test("forbidAgentApproval: with no editor, Claude Code's own prompt may not approve a reserved environment", async () => {
  const open = await claude(false);
  assert.equal(open.json.hookSpecificOutput.permissionDecision, 'ask', 'without the ban Claude Code asks the person itself');
  const banned = await claude(true);
  assert.equal(banned.json.hookSpecificOutput.permissionDecision, 'deny');
  assert.match(banned.json.hookSpecificOutput.permissionDecisionReason, /Policy reserves this environment for a person in the editor/);
  // Three ways around: another permission mode, acceptEdits or plan, changes nothing.
  for (const mode of ['acceptEdits', 'plan', 'bypassPermissions'])
    assert.equal((await claude(true, mode)).json.hookSpecificOutput.permissionDecision, 'deny', mode);
});

test("the logged decision carries the agent's tool_use_id and prompt_id for the export", async () => {
  const { logged } = await claude(true);
  assert.equal(logged[0]!.details!.toolUseId, 'toolu_01');
  assert.equal(logged[0]!.details!.promptId, 'p-42');
  assert.equal(logged[0]!.session, 's1');
});
