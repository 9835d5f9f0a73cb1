import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ensureDist } from '../dist';
import { type FakeApi, installLauncher, makePki, makeWorkspace, type Pki, REFUSAL, requireSandbox, startFakeApi, type Workspace } from './harness';

/**
 * The whole chain as Claude Code drives it: the installed launcher answers a benign Bash call
 * with the command wrapped in `airlock run` (updatedInput, no permission decision); running the
 * wrapped line, as Claude Code then does, puts the command in the sandbox, where its destructive
 * request is held. The installed CLI has no node_modules: it finds the runtime through egress.json.
 */
let pki: Pki;
let api: FakeApi;
let w: Workspace;

before(async () => {
  requireSandbox();
  ensureDist();
  pki = makePki();
  api = await startFakeApi(pki);
  w = makeWorkspace(pki, api);
});

after(async () => {
  await api?.close();
  if (w) rmSync(w.base, { recursive: true, force: true });
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
});

function run(
  file: string,
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(file, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The launcher storage; unpinned (no hashes), so no warm process outlives the test. */
function install(wrap: boolean): string {
  return dirname(installLauncher(w, { wrap, pinned: false, folder: `bin-${wrap}` }));
}

const payload = (command: string) =>
  JSON.stringify({
    session_id: 's',
    cwd: w.ws,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command, description: 'wipe' },
  });

test('Claude Code: a benign-looking call comes back wrapped, and the wrapped line holds the request it makes', async () => {
  const bin = install(true);
  const line = 'make -s wipe';
  writeFileSync(
    join(w.ws, 'Makefile'),
    'wipe:\n\tcurl -sS -H "Authorization: Bearer $$RAILWAY_TOKEN" -T payload.json https://backboard.railway.app:$(PORT)/graphql/v2\n',
  );
  const hook = await run(join(bin, 'airlock'), ['hook', 'claude'], payload(line), w.env, w.ws);
  assert.equal(hook.code, 0, hook.stderr);
  const out = JSON.parse(hook.stdout).hookSpecificOutput;
  assert.equal(out.permissionDecision, undefined, "Airlock does not approve on the person's behalf");
  assert.equal(out.updatedInput.command, `${join(bin, 'airlock')} run --requester claude -c 'make -s wipe'`);
  assert.equal(out.updatedInput.description, 'wipe', 'the rest of the tool input is kept');

  // Claude Code runs the wrapped line with bash, in the workspace.
  const before = api.hits.length;
  const preload = pathToFileURL(join(__dirname, 'fixtures', 'resolve-hosts.mjs')).href;
  const ran = await run('bash', ['-c', out.updatedInput.command], '', { ...w.env, NODE_OPTIONS: `--import=${preload}` }, w.ws);
  assert.equal(ran.code, 0, ran.stderr);
  assert.ok(ran.stdout.includes(REFUSAL), `${ran.stdout}\n${ran.stderr}`);
  assert.match(ran.stdout, /Environment: PRODUCTION/);
  assert.deepEqual(api.hits.slice(before), []);
});

test("wrapping off: the launcher's fast path answers benign calls unchanged", async () => {
  const bin = install(false);
  const hook = await run(join(bin, 'airlock'), ['hook', 'claude'], payload('git status'), w.env, w.ws);
  assert.deepEqual([hook.code, hook.stdout], [0, '']);
});
