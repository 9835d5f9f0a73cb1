// Observe-only edit events through the launcher: an edit that cannot have touched one of
// Airlock's own files is answered in sh exactly as Node answers it (the empty answer, no log),
// and any edit that might have (a hook file, a link to one, "..", "~", another case, a tool the
// sh cannot read) goes to Node. Parity: "answered in sh" implies Node logs nothing and says the same.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { ActivityEvent } from '../../../src/core/events';
import { runHook } from '../../../src/core/hooks/run-hook';
import type { HookAgent } from '../../../src/core/hooks/types';
import { REPO_ROOT } from './dcg-corpus';

// Built into a folder with no CLI beside it: whatever it answers, it answered in sh.
const built = mkdtempSync(join(tmpdir(), 'obs-launcher-'));
const launcher = join(built, 'airlock');
let ws: string;
let home: string;

before(async () => {
  const { buildLauncher } = await import(join(REPO_ROOT, 'scripts/build-launcher.mjs'));
  await buildLauncher(built);
  ws = realpathSync(mkdtempSync(join(tmpdir(), 'obs-ws-')));
  home = realpathSync(mkdtempSync(join(tmpdir(), 'obs-home-')));
  for (const base of [ws, home]) for (const folder of ['src', 'docs']) mkdirSync(join(base, folder), { recursive: true });
  mkdirSync(join(ws, '.cursor'), { recursive: true });
  writeFileSync(join(ws, 'src', 'app.ts'), 'x');
  writeFileSync(join(ws, '.cursor', 'hooks.json'), '{}');
  symlinkSync(join(ws, '.cursor', 'hooks.json'), join(ws, 'src', 'settings-link.json'));
  symlinkSync(join(ws, '.cursor'), join(ws, 'cfg'));
});

function shellOnly(agent: string, payload: string) {
  const r = spawnSync('sh', [launcher, 'hook', agent], {
    input: payload,
    cwd: ws,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home },
    timeout: 20_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}

async function node(agent: HookAgent, payload: string) {
  const events: ActivityEvent[] = [];
  const out = await runHook({
    agent,
    cwd: ws,
    env: { HOME: home },
    timeoutMs: 10_000,
    assess: async () => ({ decision: 'allow', environment: null, findings: [] }),
    ask: async () => ({ unreachable: 'no editor' }),
    alert: async () => false,
    readStdin: async () => payload,
    record: async (e) => {
      events.push(e);
    },
    observeOnceDir: mkdtempSync(join(tmpdir(), 'obs-once-')),
  });
  return { out, events };
}

const cursor = (file_path: string, event = 'afterFileEdit') =>
  JSON.stringify({
    hook_event_name: event,
    conversation_id: 'c',
    generation_id: 'g',
    workspace_roots: [ws],
    file_path,
    edits: [{ old_string: 'a', new_string: 'b' }],
  });
const windsurf = (file_path: string) =>
  JSON.stringify({ agent_action_name: 'post_write_code', trajectory_id: 't', execution_id: 'e', timestamp: 't', tool_info: { file_path, edits: [] } });
const post = (tool_name: string, tool_input: unknown, event = 'PostToolUse') =>
  JSON.stringify({ timestamp: 't', hook_event_name: event, session_id: 's', cwd: ws, tool_name, tool_input, tool_response: 'ok' });

/** A hook call the sh could not settle reaches for the (missing) CLI. */
function wentToNode(r: ReturnType<typeof shellOnly>): boolean {
  return /cannot start its checker/.test(r.stderr);
}

test('benign observe-only edits are answered in sh, exactly as Node answers them, with nothing logged', async () => {
  const cases: Array<[HookAgent, string]> = [
    ['cursor', cursor(join(ws, 'src', 'app.ts'))],
    ['cursor', cursor(join(ws, 'src', 'new-file.ts'), 'afterTabFileEdit')],
    ['windsurf', windsurf(join(ws, 'src', 'app.ts'))],
    ['vscode', post('create_file', { filePath: join(ws, 'src', 'app.ts') })],
    ['vscode', post('replace_string_in_file', { filePath: join(ws, '.cursor', 'hooks.json') })],
    ['vscode', post('run_in_terminal', { command: 'ls' })],
    ['copilot', post('edit', { path: join(ws, 'src', 'app.ts') })],
    ['copilot', post('bash', { command: 'ls' }, 'postToolUse')],
  ];
  for (const [agent, payload] of cases) {
    const sh = shellOnly(agent, payload);
    assert.equal(wentToNode(sh), false, `${agent} ${payload}: answered in sh (${sh.stderr})`);
    const n = await node(agent, payload);
    assert.deepEqual({ stdout: sh.stdout, exitCode: sh.exitCode }, { stdout: n.out.stdout, exitCode: n.out.exitCode }, `${agent} ${payload}`);
    assert.deepEqual(n.events, [], 'Node logs nothing for it either');
  }
});

test("anything that may be one of Airlock's files, or that the sh cannot read, goes to Node", async () => {
  const cases: Array<[HookAgent, string]> = [
    ['cursor', cursor(join(ws, '.cursor', 'hooks.json'))],
    ['cursor', cursor('.cursor/hooks.json')],
    ['cursor', cursor(join(ws, 'src', '..', '.cursor', 'hooks.json'))],
    ['cursor', cursor(join(ws, 'src', 'settings-link.json'))],
    ['cursor', cursor(join(ws, 'cfg', 'hooks.json'))],
    ['cursor', cursor('~/.cursor/hooks.json')],
    ['cursor', cursor(join(ws, '.CURSOR', 'HOOKS.JSON'))],
    ['cursor', cursor(join(home, '.config', 'airlock', 'policy.json'), 'afterTabFileEdit')],
    ['cursor', cursor(join(ws, 'src', 'a\\u002ets'))],
    ['windsurf', windsurf(join(ws, '.windsurf', 'hooks.json'))],
    ['windsurf', windsurf(join(ws, 'src', 'gone', 'x.ts'))],
    ['vscode', post('mcp_fs_write', { path: join(ws, 'src', 'app.ts') })],
    ['vscode', post('mcp_fs_write', { paths: [join(ws, 'src', 'app.ts'), join(ws, '.claude', 'settings.json')] })],
    ['copilot', JSON.stringify({ timestamp: 1, cwd: ws, toolName: 'edit', toolArgs: '{}', toolResult: { resultType: 'success' } })],
  ];
  for (const [agent, payload] of cases) assert.equal(wentToNode(shellOnly(agent, payload)), true, `${agent} ${payload}`);
  // And Node does alert on the ones that are Airlock's.
  for (const payload of [cursor(join(ws, 'src', 'settings-link.json')), cursor(join(ws, 'cfg', 'hooks.json')), cursor('src/../.cursor/hooks.json')]) {
    assert.equal((await node('cursor', payload)).events.length, 1, payload);
  }
});

test('parity: over many generated edits, "answered in sh" implies Node logs nothing and answers the same', async () => {
  const names = ['app.ts', 'hooks.json', 'settings.json', 'policy.json', 'README.md', 'airlock', 'x'];
  const folders = ['src', '.cursor', '.claude', '.github/hooks', '.airlock', 'cfg', 'docs', '.windsurf', '.config/airlock'];
  let inSh = 0;
  for (const folder of folders) {
    for (const name of names) {
      for (const base of [ws, home]) {
        for (const [agent, payload] of [
          ['cursor', cursor(join(base, folder, name))],
          ['windsurf', windsurf(join(base, folder, name))],
        ] as const) {
          const sh = shellOnly(agent, payload);
          if (wentToNode(sh)) continue;
          inSh++;
          const n = await node(agent, payload);
          assert.deepEqual(n.events, [], `${agent} ${payload}: the sh answered an edit Node alerts on`);
          assert.equal(sh.stdout, n.out.stdout);
          assert.equal(sh.exitCode, n.out.exitCode);
        }
      }
    }
  }
  // Not vacuous: ordinary files in existing folders take the sh path (a file in a folder that does not exist yet goes to Node).
  assert.ok(inSh >= 40, `only ${inSh} edits were answered in sh`);
});
