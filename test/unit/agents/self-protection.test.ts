import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runHook } from '../../../src/core/hooks/run-hook';
import { selfProtectionFinding } from '../../../src/core/hooks/self-protection-adapter';
import type { HookAgent } from '../../../src/core/hooks/types';
import type { ConfirmRequest, ConfirmResponse } from '../../../src/core/ipc/protocol';
import type { EditorAnswer } from '../../../src/core/ipc-client';
import { fakeAssess, ROOT } from './fixtures';

async function asks(agent: HookAgent, payload: unknown): Promise<number> {
  const asked: ConfirmRequest[] = [];
  const ask = async (r: ConfirmRequest): Promise<EditorAnswer<ConfirmResponse>> => {
    asked.push(r);
    return { decision: 'deny', decidedBy: 'person', message: 'no' };
  };
  await runHook({
    agent,
    cwd: ROOT,
    env: {},
    timeoutMs: 10_000,
    assess: fakeAssess,
    ask,
    readStdin: async () => JSON.stringify(payload),
    record: async () => {},
  });
  return asked.length;
}

const claude = (tool_name: string, tool_input: unknown) => ({ hook_event_name: 'PreToolUse', cwd: `${ROOT}/src`, tool_name, tool_input });

test("the adapter names the agents' hook files, Airlock's folders, and leaves ordinary files alone", () => {
  for (const path of [
    '/w/.claude/settings.local.json',
    '/w/.github/hooks/team.json',
    '/w/.windsurf/hooks.json',
    '/home/x/.codeium/windsurf/hooks.json',
    '/w/.clinerules/hooks/PreToolUse',
    '/w/.opencode/plugins/airlock.js',
    '/home/x/.copilot/hooks/airlock.json',
    '/w/.airlock/policy.json',
    '/home/x/.local/share/airlock/bin/airlock',
    '/home/x/.config/airlock/policy.json',
  ]) {
    assert.ok(selfProtectionFinding(path, '/w'), path);
  }
  for (const path of ['/w/src/settings.json', '/w/.github/workflows/ci.yml', '/w/claude/settings.json', '/w/README.md'])
    assert.equal(selfProtectionFinding(path, '/w'), undefined, path);
});

test("Claude's Write, Edit, MultiEdit and NotebookEdit on a hook file ask; the same tools on source files do not", async () => {
  assert.equal(await asks('claude', claude('Write', { file_path: `${ROOT}/.claude/settings.json`, content: '{}' })), 1);
  assert.equal(await asks('claude', claude('Edit', { file_path: `${ROOT}/.cursor/hooks.json`, old_string: 'a', new_string: 'b' })), 1);
  assert.equal(await asks('claude', claude('MultiEdit', { file_path: `${ROOT}/.github/hooks/airlock.json`, edits: [] })), 1);
  assert.equal(await asks('claude', claude('NotebookEdit', { notebook_path: `${ROOT}/.airlock/policy.json`, new_source: '' })), 1);
  assert.equal(await asks('claude', claude('Write', { file_path: `${ROOT}/src/app.ts`, content: 'x' })), 0);
});

test('three ways around, each caught: a relative path, dot segments, a patch that moves a file onto a hook file', async () => {
  // 1. relative to the tool's cwd (src/), climbing out
  assert.equal(await asks('claude', claude('Write', { file_path: '../.claude/settings.json', content: '{}' })), 1);
  // 2. dot segments and doubled slashes
  assert.equal(await asks('vscode', claude('create_file', { filePath: `${ROOT}/./.cursor//hooks.json`, content: '{}' })), 1);
  // 3. a patch whose first file is harmless and whose move lands on a hook file
  const patch = `*** Begin Patch\n*** Update File: src/app.ts\n*** Move to: ../.codex/hooks.json\n@@\n-a\n+b\n*** End Patch\n`;
  assert.equal(await asks('codex', claude('apply_patch', { command: patch })), 1);
  // and a unified diff through opencode's patch tool
  assert.equal(
    await asks('opencode', {
      tool: 'patch',
      args: { patchText: '--- a/.gemini/settings.json\n+++ b/.gemini/settings.json\n@@\n-{}\n+{"hooks":{}}\n' },
      cwd: ROOT,
    }),
    1,
  );
});

test('a write with no path at all is refused, not waved through', async () => {
  const asked: ConfirmRequest[] = [];
  const out = await runHook({
    agent: 'claude',
    cwd: ROOT,
    env: {},
    timeoutMs: 10_000,
    assess: fakeAssess,
    ask: async (r) => {
      asked.push(r);
      return { decision: 'allow', decidedBy: 'person', message: '' };
    },
    readStdin: async () => JSON.stringify(claude('Write', { content: '{}' })),
  });
  assert.equal(out.exitCode, 2);
  assert.equal(JSON.parse(out.stdout).hookSpecificOutput.permissionDecision, 'deny');
});
