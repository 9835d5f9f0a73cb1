// The launcher (dist/launcher/airlock): answers benign shell-tool hook calls without starting
// Node, hands everything else to the runtime with the payload intact, and behaves like the CLI.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { type InstalledSettings, installedLauncher } from '../../../src/launcher/install';
import { REPO_ROOT } from './dcg-corpus';

let dir = '';
let launcher = '';
const project = mkdtempSync(join(tmpdir(), 'airlock-project-'));

before(async () => {
  // Built into a folder of its own (other tests build dist/ at the same time), as it is installed.
  const { buildLauncher } = await import(join(REPO_ROOT, 'scripts/build-launcher.mjs'));
  dir = mkdtempSync(join(tmpdir(), 'airlock-launcher-'));
  await buildLauncher(dir);
  // A stand-in runtime that shows it was started, with what, and what it got on stdin.
  const fake = join(dir, 'fake-runtime');
  writeFileSync(fake, '#!/bin/sh\nprintf "RUNTIME electron=%s args=%s\\n" "${ELECTRON_RUN_AS_NODE:-0}" "$*"\ncat\n', { mode: 0o755 });
  writeFileSync(join(dir, 'cli.js'), '// stands in for dist/airlock.js\n');
  launcher = install(dir, { cli: join(dir, 'cli.js'), runtime: fake });
  // An old-style settings file beside it, trying to redirect it and to run code: both ignored.
  writeFileSync(
    join(dir, 'airlock.env'),
    `AIRLOCK_CLI=${join(dir, 'evil.js')}\nAIRLOCK_RUNTIME=/bin/echo\nAIRLOCK_EXTRA_KEYWORDS=$(touch ${join(dir, 'pwned')})\n`,
  );
});

/** Writes an installed launcher (as the extension does) into folder; returns its path. */
function install(folder: string, settings: Partial<InstalledSettings>): string {
  const path = join(folder, 'airlock');
  const full: InstalledSettings = {
    home: folder,
    cli: join(folder, 'cli.js'),
    runtime: 'node',
    electron: false,
    gatesConfig: join(folder, 'gates.json'),
    protectedFiles: [],
    files: [],
    ...settings,
  };
  writeFileSync(path, installedLauncher(readFileSync(join(dir, 'airlock'), 'utf8'), full), { mode: 0o755 });
  return path;
}

function run(args: string[], input: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('sh', [launcher, ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, ...env } });
  return { stdout: result.stdout, status: result.status, stderr: result.stderr };
}

const claude = (command: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'x' }, ...extra });

test('a benign Claude Code Bash call is answered without starting the runtime: exit 0, no output', () => {
  const out = run(['hook', 'claude'], claude('git status'));
  assert.equal(out.status, 0);
  assert.equal(out.stdout, '');
});

test('Cursor gets an explicit allow, VS Code an empty answer', () => {
  assert.equal(
    run(['hook', 'cursor'], JSON.stringify({ hook_event_name: 'beforeShellExecution', command: 'ls -la', cwd: project })).stdout,
    '{"permission":"allow"}\n',
  );
  const vscode = run(
    ['hook', 'vscode'],
    JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'run_in_terminal', tool_input: { command: 'npm test' }, cwd: project }),
  );
  assert.equal(vscode.stdout, '');
  assert.equal(vscode.status, 0);
});

test('anything else goes to the runtime, with the payload byte for byte', () => {
  const cases = [
    claude('git reset --hard'),
    claude('echo "quoted"'),
    claude('ls $HOME'),
    JSON.stringify({ tool_name: 'Read', tool_input: { file_path: '.env' }, cwd: project }),
    `{"tool_name":"Bash","tool_input":{"command":"ls"},"command":"ls","cwd":"${project}"}`,
    'not json',
    '',
    `${claude('git clean -fdx')}\n\n`,
  ];
  for (const payload of cases) {
    const out = run(['hook', 'claude', '--timeout', '60'], payload);
    assert.equal(out.stdout, `RUNTIME electron=0 args=${join(dir, 'cli.js')} hook claude --timeout 60\n${payload}`, payload);
  }
  assert.match(run(['hook', 'cursor'], JSON.stringify({ hook_event_name: 'beforeReadFile', file_path: 'x', cwd: project })).stdout, /^RUNTIME/);
  assert.match(run(['hook', 'gemini'], claude('ls')).stdout, /^RUNTIME/);
});

test("a repository policy or the user policy's words send calls to the full check", () => {
  const repo = mkdtempSync(join(tmpdir(), 'airlock-repo-'));
  mkdirSync(join(repo, '.airlock'));
  mkdirSync(join(repo, 'sub'));
  writeFileSync(join(repo, '.airlock', 'policy.json'), '{"deny":["npm publish"]}');
  assert.match(run(['hook', 'claude'], claude('ls', { cwd: join(repo, 'sub') })).stdout, /^RUNTIME/);
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, '{"ask":["npm publish"]}');
  assert.equal(run(['hook', 'claude'], claude('npm publish')).stdout, '', 'without the policy it is benign');
  assert.match(run(['hook', 'claude'], claude('npm publish'), { AIRLOCK_POLICY_FILE: policy }).stdout, /^RUNTIME/);
});

test('npm, yarn, pnpm and bun stay on the fast path only when the nearest package.json holds no trigger word', () => {
  const app = mkdtempSync(join(tmpdir(), 'airlock-app-'));
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', scripts: { test: 'vitest run', build: 'tsc -p .' } }));
  const at = (command: string, cwd = app) => run(['hook', 'claude'], claude(command, { cwd })).stdout;
  assert.equal(at('npm test'), '');
  assert.equal(at('yarn build', join(app, 'src')), '', 'found from a subfolder');
  assert.match(at('cd ../other && npm test'), /^RUNTIME/, 'a cd moves where the scripts come from');
  assert.match(at('npm test -w packages/api'), /^RUNTIME/, 'another workspace');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ scripts: { test: 'vitest run', reset: 'git reset --hard' } }));
  assert.match(at('npm test'), /^RUNTIME/);
  writeFileSync(join(app, 'package.json'), '{"scripts":{"test":"\\u0072m -rf src"}}');
  assert.match(at('npm test'), /^RUNTIME/, 'an escape could hide a word');
});

test('other arguments pass straight to the CLI; a settings file beside the launcher is neither read nor run', () => {
  assert.equal(run(['check', '--json', '--', 'ls'], '').stdout, `RUNTIME electron=0 args=${join(dir, 'cli.js')} check --json -- ls\n`);
  assert.equal(spawnSync('test', ['-e', join(dir, 'pwned')]).status, 1, 'a $(...) in airlock.env must not run');
});

test('a checker that cannot start refuses hook calls (fail closed)', () => {
  const broken = mkdtempSync(join(tmpdir(), 'airlock-broken-'));
  const copy = install(broken, { cli: join(broken, 'missing.js') });
  const claudeCall = spawnSync('sh', [copy, 'hook', 'claude'], { input: claude('git reset --hard'), encoding: 'utf8', env: { PATH: process.env.PATH } });
  assert.equal(claudeCall.status, 2);
  assert.match(claudeCall.stderr, /cannot start its checker/);
  const cursorCall = spawnSync('sh', [copy, 'hook', 'cursor'], {
    input: JSON.stringify({ hook_event_name: 'beforeShellExecution', command: 'rm -rf src', cwd: project }),
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  assert.equal(JSON.parse(cursorCall.stdout).permission, 'deny');
  assert.equal(spawnSync('sh', [copy, '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH } }).status, 1);
  // Benign calls still pass: the fast path needs no runtime.
  assert.equal(spawnSync('sh', [copy, 'hook', 'claude'], { input: claude('git status'), encoding: 'utf8', env: { PATH: process.env.PATH } }).status, 0);
});

test('an Electron runtime is started as Node', () => {
  const electronDir = mkdtempSync(join(tmpdir(), 'airlock-electron-'));
  const copy = install(electronDir, { cli: join(dir, 'cli.js'), runtime: join(dir, 'fake-runtime'), electron: true });
  const out = spawnSync('sh', [copy, '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  assert.equal(out.stdout, `RUNTIME electron=1 args=${join(dir, 'cli.js')} --version\n`);
});
