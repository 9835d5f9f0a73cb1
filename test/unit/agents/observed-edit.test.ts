// Observe-only edit events: an agent's edit Airlock hears of only after it happened. When it
// changed one of Airlock's own files, the hook logs it (first), tells the editor over the signed
// IPC, and tells the agent where its format lets it; any other edit costs nothing and says nothing.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ActivityEvent } from '../../../src/core/events';
import { airlockFilesEdited, observeEdit } from '../../../src/core/hooks/observed-edit';
import { parsePayload } from '../../../src/core/hooks/payload';
import { runHook } from '../../../src/core/hooks/run-hook';
import type { HookAgent, HookCall } from '../../../src/core/hooks/types';
import { AGENTS } from '../../../src/core/protection/agents';
import { startFakeEditor } from '../trust/editor-key';

function workspace() {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'obs-edit-')));
  const ws = join(base, 'ws');
  mkdirSync(join(ws, '.cursor'), { recursive: true });
  mkdirSync(join(ws, 'src'), { recursive: true });
  writeFileSync(join(ws, '.cursor', 'hooks.json'), '{"version":1,"hooks":{}}\n');
  const env = {
    PATH: process.env.PATH,
    AIRLOCK_RUNTIME_DIR: join(base, 'run'),
    AIRLOCK_STATE_DIR: join(base, 'state'),
    HOME: join(base, 'home'),
    XDG_CONFIG_HOME: join(base, 'config'),
  };
  mkdirSync(env.HOME, { recursive: true });
  return { base, ws, env, done: () => rmSync(base, { recursive: true, force: true }) };
}

const cursorEdit = (ws: string, file_path: string, event = 'afterFileEdit') =>
  JSON.stringify({
    hook_event_name: event,
    conversation_id: 'c1',
    generation_id: 'g1',
    workspace_roots: [ws],
    file_path,
    edits: [{ old_string: 'a', new_string: 'b' }],
  });
const vscodePost = (ws: string, tool_name: string, tool_input: unknown, id = 't1') =>
  JSON.stringify({ timestamp: 't', hook_event_name: 'PostToolUse', session_id: 's1', cwd: ws, tool_name, tool_input, tool_response: 'ok', tool_use_id: id });
const copilotPost = (ws: string, toolName: string, toolArgs: unknown) =>
  JSON.stringify({ timestamp: 1, cwd: ws, toolName, toolArgs: JSON.stringify(toolArgs), toolResult: { resultType: 'success', textResultForLlm: 'ok' } });
const windsurfPost = (_ws: string, file_path: string) =>
  JSON.stringify({
    agent_action_name: 'post_write_code',
    trajectory_id: 'tr1',
    execution_id: 'e1',
    timestamp: 't',
    tool_info: { file_path, edits: [{ old_string: 'a', new_string: 'b' }] },
  });

async function hook(agent: HookAgent, payload: string, w: ReturnType<typeof workspace>, extra: Partial<Parameters<typeof runHook>[0]> = {}) {
  const events: ActivityEvent[] = [];
  const out = await runHook({
    agent,
    cwd: w.ws,
    env: w.env,
    timeoutMs: 10_000,
    assess: async () => ({ decision: 'allow', environment: null, findings: [] }),
    ask: async () => ({ unreachable: 'not in this test' }),
    readStdin: async () => payload,
    record: async (e) => {
      events.push(e);
    },
    observeOnceDir: mkdtempSync(join(w.base, 'once-')),
    ...extra,
  });
  return { out, events };
}

test('each observe-only event parses into the files it edited', () => {
  const ws = '/w';
  const cases: Array<[HookAgent, string, string[]]> = [
    ['cursor', cursorEdit(ws, '/w/src/a.ts'), ['/w/src/a.ts']],
    ['cursor', cursorEdit(ws, '/w/src/a.ts', 'afterTabFileEdit'), ['/w/src/a.ts']],
    ['vscode', vscodePost(ws, 'mcp_fs_write', { path: 'a.ts' }), ['a.ts']],
    ['copilot', copilotPost(ws, 'custom_editor', { filePath: '/w/b.ts' }), ['/w/b.ts']],
    ['copilot', vscodePost(ws, 'someEdit', { filePath: '/w/c.ts' }), ['/w/c.ts']],
    ['windsurf', windsurfPost(ws, '/w/d.ts'), ['/w/d.ts']],
  ];
  for (const [agent, payload, files] of cases) {
    const call = parsePayload(agent, payload, ws);
    assert.equal(call.kind, 'edited', `${agent} ${payload}`);
    assert.deepEqual(call.files, files);
  }
  // Tools the pre-tool hook already judged (a known write, a shell call) are not looked at again.
  assert.equal(parsePayload('vscode', vscodePost(ws, 'create_file', { filePath: '/w/.cursor/hooks.json' }), ws).kind, 'other');
  assert.equal(parsePayload('vscode', vscodePost(ws, 'run_in_terminal', { command: 'ls' }), ws).kind, 'other');
  assert.equal(parsePayload('copilot', copilotPost(ws, 'edit', { path: '/w/x' }), ws).kind, 'other');
  // The pre-tool events still read as before.
  assert.equal(parsePayload('vscode', vscodePost(ws, 'create_file', { filePath: '/w/x' }).replace('PostToolUse', 'PreToolUse'), ws).kind, 'write');
  assert.throws(() => parsePayload('cursor', JSON.stringify({ hook_event_name: 'afterFileEdit', workspace_roots: [ws] }), ws), /file_path/);
});

test("an edit of each kind of Airlock's file: a high-severity log event, then an editor alert", async () => {
  const w = workspace();
  const editor = await startFakeEditor(w.env, w.ws);
  try {
    const kinds: Array<[string, string]> = [
      [join(w.ws, '.cursor', 'hooks.json'), "Cursor's hooks file"],
      [join(w.env.HOME, '.claude', 'settings.json'), "Claude Code's settings"],
      [join(w.ws, '.github', 'hooks', 'airlock.json'), 'GitHub Copilot'],
      [join(w.env.XDG_CONFIG_HOME, 'airlock', 'policy.json'), "Airlock's user configuration"],
      [join(w.ws, '.airlock', 'policy.json'), "repository's Airlock policy"],
      [join(w.env.AIRLOCK_RUNTIME_DIR, 'windows', 'x.json'), "Airlock's runtime folder"],
      [join(w.env.HOME, '.config', 'Code', 'User', 'globalStorage', 'airlock-dev.airlock', 'launcher', 'airlock'), "Airlock's extension storage"],
    ];
    for (const [i, [file, what]] of kinds.entries()) {
      const { out, events } = await hook('cursor', cursorEdit(w.ws, file), w);
      assert.deepEqual(out, { stdout: '', stderr: '', exitCode: 0 }, 'afterFileEdit takes no answer');
      assert.equal(events.length, 1, file);
      const e = events[0]!;
      assert.equal(e.kind, 'protection-gap');
      assert.equal(e.severity, 'high');
      assert.equal(e.actor, 'cursor');
      assert.equal(e.file, file);
      assert.match(e.reason ?? '', /^Cursor edited .+, one of Airlock's own files, where Airlock could not stop it$/);
      assert.equal(editor.alerts.length, i + 1, `the editor heard of ${file}`);
      const alert = editor.alerts[i]!;
      assert.equal(alert.event, 'afterFileEdit');
      assert.equal(alert.title, e.reason);
      assert.ok(alert.files[0]!.what.includes(what), `${alert.files[0]!.what} names ${what}`);
    }
    assert.equal(editor.shown.length, 0, 'nobody is asked anything: the edit already happened');
    // Tab edits have no before-event at all.
    const tab = await hook('cursor', cursorEdit(w.ws, '.cursor/hooks.json', 'afterTabFileEdit'), w);
    assert.equal(tab.events.length, 1);
    assert.match(tab.events[0]!.reason ?? '', /^Cursor edited \.cursor\/hooks\.json, one of/);
  } finally {
    await editor.close();
    w.done();
  }
});

test('ways around: "..", a symbolic link, "~", a second file, another case', async () => {
  const w = workspace();
  const editor = await startFakeEditor(w.env, w.ws);
  try {
    const hooks = join(w.ws, '.cursor', 'hooks.json');
    const dotdot = await hook('cursor', cursorEdit(w.ws, 'src/../.cursor/hooks.json'), w);
    assert.equal(dotdot.events[0]?.file, hooks, 'a relative path with .. is resolved against the workspace');

    symlinkSync(hooks, join(w.ws, 'src', 'notes.json'));
    const link = await hook('cursor', cursorEdit(w.ws, join(w.ws, 'src', 'notes.json')), w);
    assert.equal(link.events[0]?.file, hooks, 'a link to the hook file is the hook file');

    mkdirSync(join(w.env.HOME, '.cursor'), { recursive: true });
    const home = await hook('cursor', cursorEdit(w.ws, '~/.cursor/hooks.json'), w);
    assert.equal(home.events[0]?.file, join(w.env.HOME, '.cursor', 'hooks.json'), '~ is the home folder');
    assert.match(home.events[0]?.reason ?? '', /edited ~\/\.cursor\/hooks\.json,/);

    const second = await hook('vscode', vscodePost(w.ws, 'mcp_files_write_many', { paths: ['src/app.ts', '.claude/settings.json'] }), w);
    assert.equal(second.events.length, 1, 'the second file is Airlock’s');
    assert.equal(second.events[0]?.file, join(w.ws, '.claude', 'settings.json'));
    const body = JSON.parse(second.out.stdout);
    assert.equal(body.decision, 'block');
    assert.match(body.reason, /reported to the person/);
    assert.match(body.reason, /not yours to change/);
    assert.equal(body.hookSpecificOutput.hookEventName, 'PostToolUse');
    assert.equal(body.hookSpecificOutput.additionalContext, body.reason);

    // On a case-insensitive file system .CURSOR/HOOKS.JSON is the hook file; on a case-sensitive one it is another file.
    const call: HookCall = { agent: 'cursor', event: 'afterFileEdit', kind: 'edited', files: ['.CURSOR/HOOKS.JSON'], cwd: w.ws, roots: [w.ws] };
    assert.equal(airlockFilesEdited(call, w.env, true).length, 1);
    assert.equal(airlockFilesEdited(call, w.env, false).length, 0);
    const folded = await observeEdit(call, { env: w.env, payload: 'x', ignoreCase: true, onceDir: mkdtempSync(join(w.base, 'once-')) });
    assert.match(folded?.title ?? '', /^Cursor edited /);
  } finally {
    await editor.close();
    w.done();
  }
});

test('benign edits: no log event, no alert, the empty answer', async () => {
  const w = workspace();
  const editor = await startFakeEditor(w.env, w.ws);
  try {
    for (const [agent, payload] of [
      ['cursor', cursorEdit(w.ws, join(w.ws, 'src', 'app.ts'))],
      ['cursor', cursorEdit(w.ws, 'README.md', 'afterTabFileEdit')],
      ['vscode', vscodePost(w.ws, 'mcp_fs_write', { path: 'src/app.ts' })],
      ['vscode', vscodePost(w.ws, 'replace_string_in_file', { filePath: join(w.ws, '.cursor', 'hooks.json') })],
      ['copilot', copilotPost(w.ws, 'custom_editor', { path: 'src/app.ts' })],
      ['windsurf', windsurfPost(w.ws, join(w.ws, 'src', 'app.ts'))],
    ] as const) {
      const { out, events } = await hook(agent, payload, w);
      assert.deepEqual(out, { stdout: '', stderr: '', exitCode: 0 }, `${agent}: ${payload}`);
      assert.deepEqual(events, []);
    }
    assert.deepEqual(editor.alerts, []);
  } finally {
    await editor.close();
    w.done();
  }
});

test('no editor reachable: the log event still happens', async () => {
  const w = workspace();
  try {
    const { out, events } = await hook('windsurf', windsurfPost(w.ws, join(w.ws, '.windsurf', 'hooks.json')), w);
    assert.deepEqual(out, { stdout: '', stderr: '', exitCode: 0 });
    assert.equal(events.length, 1);
    assert.match(events[0]!.reason ?? '', /^Windsurf \(Cascade\) edited \.windsurf\/hooks\.json, one of Airlock's own files/);
  } finally {
    w.done();
  }
});

test('one edit reported through two hook files is logged and alerted once; each agent still hears it', async () => {
  const w = workspace();
  const editor = await startFakeEditor(w.env, w.ws);
  try {
    const once = mkdtempSync(join(w.base, 'shared-once-'));
    const payload = vscodePost(w.ws, 'mcp_fs_write', { path: '.github/hooks/airlock.json' }, 'same-call');
    const a = await hook('vscode', payload, w, { observeOnceDir: once });
    const b = await hook('copilot', payload, w, { observeOnceDir: once });
    assert.equal(a.events.length + b.events.length, 1);
    assert.equal(editor.alerts.length, 1);
    assert.match(JSON.parse(a.out.stdout).reason, /reported to the person/);
    assert.match(JSON.parse(b.out.stdout).reason, /reported to the person/);
  } finally {
    await editor.close();
    w.done();
  }
});

test('an edit a person allowed through the blocking hook moments ago is no alert', async () => {
  const w = workspace();
  try {
    const file = join(w.ws, '.windsurf', 'hooks.json');
    const asked: string[] = [];
    const allowed = await hook('windsurf', windsurfPost(w.ws, file), w, {
      loggedAllow: async (request) => {
        asked.push(request.file ?? '');
        return request.file === file;
      },
    });
    assert.deepEqual(allowed.events, []);
    assert.deepEqual(asked, [file]);
    const notAllowed = await hook('windsurf', windsurfPost(w.ws, file), w, { loggedAllow: async () => false });
    assert.equal(notAllowed.events.length, 1);
  } finally {
    w.done();
  }
});

test('installed hook files carry the observe-only events; a file without them still counts as guarded', () => {
  const command = '/l/airlock hook x --timeout 30';
  for (const [agent, events] of [
    ['cursor', ['afterFileEdit', 'afterTabFileEdit']],
    ['vscode', ['PostToolUse']],
    ['copilot', ['postToolUse']],
    ['windsurf', ['post_write_code']],
  ] as const) {
    const format = AGENTS[agent].files.workspace('/w')[0]!.format;
    const text = format.add(undefined, command);
    const hooks = JSON.parse(text).hooks;
    for (const event of events) assert.equal(hooks[event]?.length, 1, `${agent} ${event}`);
    // An install from before this version: the blocking entries only.
    const older = JSON.parse(text);
    for (const event of events) delete older.hooks[event];
    const olderText = JSON.stringify(older, null, 2);
    assert.equal(format.has(olderText), true, `${agent}: still guarded`);
    assert.notEqual(format.add(olderText, command), olderText, `${agent}: refreshing adds the observe events`);
    assert.equal(format.remove(text), undefined, `${agent}: removal takes every entry out`);
  }
});
