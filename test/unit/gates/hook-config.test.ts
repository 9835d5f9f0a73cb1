import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'jsonc-parser';
import {
  addAirlockHooks,
  hasAirlockHooks,
  hookCommand,
  isAirlockCommand,
  removeAirlockHooks,
  UnreadableHookFile,
} from '../../../src/core/protection/hook-config';

const launcher = '/home/me/.config/Code/User/globalStorage/airlock-dev.airlock/bin/airlock';
const cursorCmd = hookCommand(launcher, 'cursor');
const claudeCmd = hookCommand(launcher, 'claude');
const vscodeCmd = hookCommand(launcher, 'vscode');

test('hook commands are recognised as ours in any quoting, others are not', () => {
  assert.ok(isAirlockCommand(cursorCmd));
  assert.ok(isAirlockCommand(hookCommand('/Users/Jo Smith/Library/airlock', 'claude')));
  assert.match(hookCommand('/Users/Jo Smith/Library/airlock', 'claude'), /^"\/Users\/Jo Smith\/Library\/airlock" hook claude/);
  assert.ok(!isAirlockCommand('npx prettier --write'));
  assert.ok(!isAirlockCommand('./scripts/airlock-lint.sh'));
});

test('a new Cursor file gets version 1 and all three events, fail-closed', () => {
  const text = addAirlockHooks(undefined, 'cursor', cursorCmd);
  const value = parse(text);
  assert.equal(value.version, 1);
  for (const event of ['beforeShellExecution', 'beforeMCPExecution', 'beforeReadFile']) {
    assert.deepEqual(value.hooks[event], [{ command: cursorCmd, failClosed: true }]);
  }
  // preToolUse only for file writes: shell, MCP and reads already have their own events.
  assert.deepEqual(value.hooks.preToolUse, [{ command: cursorCmd, failClosed: true, matcher: 'Write|Edit|Delete' }]);
  assert.equal(removeAirlockHooks(text, 'cursor'), undefined, 'removal leaves nothing: the file can go');
});

const claudeWithComments = `// Team settings: keep the formatter hook!
{
    "permissions": {
        "deny": ["Read(./.env)"], // no env reads
    },
    /* hooks below */
    "hooks": {
        "PostToolUse": [
            { "matcher": "Edit", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] },
        ],
    },
}
`;

test('Claude settings with comments, trailing commas and other hooks: merged, then removed to the original bytes', () => {
  const merged = addAirlockHooks(claudeWithComments, 'claude', claudeCmd);
  assert.match(merged, /^\/\/ Team settings: keep the formatter hook!/);
  assert.match(merged, /\/\* hooks below \*\//);
  assert.match(merged, /"deny": \["Read\(\.\/\.env\)"\], \/\/ no env reads/);
  const value = parse(merged, [], { allowTrailingComma: true });
  assert.equal(value.hooks.PostToolUse[0].hooks[0].command, 'npx prettier --write');
  // Writes go through the hook too (Airlock's own files are guarded), and a hook that cannot run blocks.
  assert.deepEqual(value.hooks.PreToolUse, [
    {
      matcher: 'Bash|Read|Grep|Glob|Write|Edit|MultiEdit|NotebookEdit|mcp__.*',
      hooks: [{ type: 'command', command: claudeCmd, timeout: 300, onFailure: 'block' }],
    },
  ]);
  assert.match(merged, /\n {8}"PreToolUse"/, 'indentation follows the file (4 spaces)');
  assert.ok(hasAirlockHooks(merged, 'claude'));
  assert.equal(addAirlockHooks(merged, 'claude', claudeCmd), merged, 'adding again changes nothing');
  assert.equal(removeAirlockHooks(merged, 'claude'), claudeWithComments);
});

const cursorWithOthers = `{
\t"version": 1,
\t"hooks": {
\t\t"beforeShellExecution": [
\t\t\t{ "command": "./audit.sh" }
\t\t],
\t\t"afterFileEdit": [ { "command": "./format.sh" } ]
\t}
}
`;

test('Cursor file with tabs and other hooks: ours appended after theirs; removal restores the bytes', () => {
  const merged = addAirlockHooks(cursorWithOthers, 'cursor', cursorCmd);
  const value = parse(merged);
  assert.deepEqual(
    value.hooks.beforeShellExecution.map((e: { command: string }) => e.command),
    ['./audit.sh', cursorCmd],
  );
  // The person's own afterFileEdit hook stays first; Airlock's observe-only entry follows it.
  assert.deepEqual(value.hooks.afterFileEdit, [{ command: './format.sh' }, { command: cursorCmd }]);
  assert.doesNotMatch(merged, /\n {2}"/, 'tabs kept');
  assert.equal(removeAirlockHooks(merged, 'cursor'), cursorWithOthers);
});

test('an entry already present from an older launcher path is refreshed in place, not duplicated', () => {
  const old = addAirlockHooks(undefined, 'vscode', hookCommand('/old/extension-0.0.9/airlock', 'vscode'));
  const refreshed = addAirlockHooks(old, 'vscode', vscodeCmd);
  const value = parse(refreshed);
  assert.equal(value.hooks.PreToolUse.length, 1);
  assert.equal(value.hooks.PreToolUse[0].command, vscodeCmd);
  assert.equal(value.hooks.PreToolUse[0].type, 'command');
});

test('a broken or odd file is never overwritten', () => {
  assert.throws(() => addAirlockHooks('{ "hooks": ', 'claude', claudeCmd), UnreadableHookFile);
  assert.throws(() => addAirlockHooks('[1, 2]', 'claude', claudeCmd), UnreadableHookFile);
  assert.throws(() => addAirlockHooks('{ "hooks": [] }', 'claude', claudeCmd), UnreadableHookFile);
  assert.throws(() => addAirlockHooks('{ "hooks": { "PreToolUse": {} } }', 'claude', claudeCmd), UnreadableHookFile);
});

test('removal keeps what a person added after Airlock, and other hooks in the same event', () => {
  const merged = addAirlockHooks(
    '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Write", "hooks": [ { "type": "command", "command": "./guard.sh" } ] }\n    ]\n  }\n}\n',
    'claude',
    claudeCmd,
  );
  const edited = merged.replace('"hooks": {', '"model": "opus",\n  "hooks": {');
  const removed = removeAirlockHooks(edited, 'claude')!;
  const value = parse(removed);
  assert.equal(value.model, 'opus');
  assert.deepEqual(value.hooks.PreToolUse, [{ matcher: 'Write', hooks: [{ type: 'command', command: './guard.sh' }] }]);
  assert.ok(!hasAirlockHooks(removed, 'claude'));
});

test('Windows launcher paths are quoted for cmd.exe, backslashes kept', () => {
  assert.equal(
    hookCommand('C:\\Users\\Jo Smith\\AppData\\airlock.cmd', 'claude', 'win32'),
    '"C:\\Users\\Jo Smith\\AppData\\airlock.cmd" hook claude --timeout 300',
  );
  assert.ok(isAirlockCommand(hookCommand('C:\\Users\\Jo Smith\\AppData\\airlock.cmd', 'claude', 'win32')));
});
