// The launcher answers an agent's read without Node only when the Node hook would allow it too:
// no protected glob covers the path (the globs compiled to regular expressions agree with
// minimatch), and the token scanner already found this unchanged file clean (the read index).
// Every answered read is in the read spool before the answer, and the CLI folds it into the log.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { ActivityEvent } from '../../../src/core/events';
import { decideHook } from '../../../src/core/hooks/decide';
import { parsePayload } from '../../../src/core/hooks/payload';
import { foldReadSpool, indexKey, noteCleanRead, statExact } from '../../../src/core/hooks/read-index';
import { runHook } from '../../../src/core/hooks/run-hook';
import { isProtectedPath } from '../../../src/core/hooks/secret-access';
import type { HookAgent } from '../../../src/core/hooks/types';
import { fileHoldsSecret } from '../../../src/core/tokens/files';
import { DEFAULT_PROTECTED_FILES } from '../../../src/core/tokens/protected-files';
import { installedLauncher } from '../../../src/launcher/install';
import { globToEre, readGlobsEre } from '../../../src/launcher/read-globs';
import { REPO_ROOT } from './dcg-corpus';

const built = mkdtempSync(join(tmpdir(), 'airlock-reads-'));
let launcher = '';
const project = mkdtempSync(join(tmpdir(), 'airlock-reads-project-'));
const SECRET_TEXT = 'const key = "ghp_R7xK2mQ9vT4nW8pL3sY6bZ1cF5hJ0dG2aE4u";\n';

before(async () => {
  const { buildLauncher } = await import(join(REPO_ROOT, 'scripts/build-launcher.mjs'));
  await buildLauncher(built);
  // Installed as the extension installs it, with a runtime that only says it was started.
  const fake = join(built, 'fake-runtime');
  writeFileSync(fake, '#!/bin/sh\necho RUNTIME\n', { mode: 0o755 });
  launcher = join(built, 'installed');
  writeFileSync(
    launcher,
    installedLauncher(readFileSync(join(built, 'airlock'), 'utf8'), {
      cli: join(built, 'cli.js'),
      runtime: fake,
      electron: false,
      gatesConfig: join(built, 'gates.json'),
      protectedFiles: DEFAULT_PROTECTED_FILES,
      files: [],
      platform: process.platform,
    }),
    { mode: 0o755 },
  );
  writeFileSync(join(built, 'cli.js'), '');
  mkdirSync(join(project, 'src'));
  mkdirSync(join(project, 'config'));
  writeFileSync(join(project, 'src', 'index.ts'), 'export const x = 1;\n');
  writeFileSync(join(project, 'src', 'keys.ts'), SECRET_TEXT);
  writeFileSync(join(project, '.env'), 'A=1\n');
  writeFileSync(join(project, 'config', 'server.pem'), 'x\n');
  // Settled files: the index only takes files unchanged for a few seconds.
  const old = new Date(Date.now() - 60_000);
  for (const f of ['src/index.ts', 'src/keys.ts', '.env', 'config/server.pem']) utimesSync(join(project, f), old, old);
});

const spool = () => join(built, 'read-spool.jsonl');
const index = () => join(built, 'read-index');

function hook(agent: HookAgent, payload: unknown): string {
  const input = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const out = spawnSync('sh', [launcher, 'hook', agent], { input, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: built } });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.startsWith('RUNTIME') ? 'node' : out.stdout === '' || out.stdout === '{"permission":"allow"}\n' ? 'answered' : `?${out.stdout}`;
}

const claudeRead = (file: string, extra: Record<string, unknown> = {}) => ({
  session_id: 's',
  transcript_path: '/t',
  cwd: project,
  permission_mode: 'default',
  hook_event_name: 'PreToolUse',
  tool_name: 'Read',
  tool_input: { file_path: file, ...extra },
});

/** Indexes a file as the CLI does after scanning it clean (ctime may be recent: waits it out). */
function indexAsNode(path: string): void {
  const before = statExact(path)!;
  noteCleanRead(index(), path, before, Date.now() + 10_000);
}

test('the protected globs compiled for awk decide every sample path as minimatch does', () => {
  const globs = [...DEFAULT_PROTECTED_FILES, '**/*.secret', 'vault-*', '**/deploy/prod?.yml', '**/Keys/**'];
  const eres = readGlobsEre(globs);
  assert.ok(eres, 'every glob converts');
  const names = [
    '.env',
    '.env.local',
    'prod.env',
    '.envrc',
    'env',
    '.env.example',
    'a.pem',
    '.pem',
    'x.key',
    'keys',
    'id_rsa',
    'id_rsa.pub',
    'id_',
    'id',
    'ID_RSA',
    '.npmrc',
    'npmrc',
    '.pypirc',
    '.netrc',
    '.git-credentials',
    'config.json',
    'credentials',
    'credentials.json',
    'my-credentials-prod.json',
    'credentials.yaml',
    'service-account.json',
    'service-account-x.json',
    'secrets.yaml',
    'secrets',
    'a.tfvars',
    'a.tfstate',
    'a.tfstate.backup',
    'config',
    'x.secret',
    'vault-1',
    'vault',
    'prod1.yml',
    'prod.yml',
    'index.ts',
    'README.md',
    'a b.pem',
    'x.PEM',
    'Keys',
    'dist.json',
  ];
  const dirs = [
    '',
    'home/u',
    'home/u/.aws',
    'home/u/.kube',
    'home/u/.docker',
    'p/.railway',
    'p/.vercel/sub',
    'p/deploy',
    'p/Keys',
    'p/keys',
    'p/.git',
    'x/.ssh',
  ];
  const paths = dirs.flatMap((d) => names.map((n) => `/${d ? `${d}/` : ''}${n}`));
  const out = execFileSync('sh', ['-c', `. "${join(built, 'prefilter.sh')}"; LC_ALL=C awk -v mode=paths "$AIRLOCK_PREFILTER_AWK"`], {
    input: paths.join('\u001e'),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, AIRLOCK_READ_GLOBS: eres!.join('\n'), AIRLOCK_READ_NOCASE: '0' },
  })
    .trim()
    .split('\n');
  const differ = paths.filter((p, i) => (out[i] === '1') !== isProtectedPath(p, [], globs));
  assert.deepEqual(differ, []);
  assert.ok(out.filter((v) => v === '1').length > 100, 'many samples are protected');
});

test('globs whose meaning the launcher cannot reproduce send every read to Node', () => {
  for (const glob of ['config/prod.yml', '**/[ab].pem', '**/{a,b}.key', '**/!(x).env', '/etc/passwd', 'a\\*b', '**/a/**/b']) {
    assert.equal(globToEre(glob), undefined, glob);
  }
});

test('a read of a protected file, or of a file not yet found clean, goes to Node', () => {
  assert.equal(hook('claude', claudeRead(join(project, '.env'))), 'node');
  assert.equal(hook('claude', claudeRead('config/server.pem')), 'node');
  assert.equal(hook('claude', claudeRead(join(project, 'src', 'index.ts'))), 'node', 'not in the index yet');
  assert.equal(hook('cursor', { hook_event_name: 'beforeReadFile', file_path: join(project, '.env'), content: 'A=1', workspace_roots: [project] }), 'node');
});

test('a clean file in the index is answered by the launcher and recorded in the spool first', () => {
  const file = join(project, 'src', 'index.ts');
  indexAsNode(file);
  rmSync(spool(), { force: true });
  assert.equal(hook('claude', claudeRead(file)), 'answered');
  assert.equal(hook('claude', claudeRead('src/index.ts', { offset: 1, limit: 20 })), 'answered', 'relative to cwd');
  assert.equal(
    hook('cursor', {
      conversation_id: 'c',
      hook_event_name: 'beforeReadFile',
      file_path: file,
      content: 'export const x = 1;\\n"quoted"',
      workspace_roots: [project],
      attachments: [],
    }),
    'answered',
  );
  const lines = readFileSync(spool(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.deepEqual(
    lines.map((l) => [l.agent, l.file]),
    [
      ['claude', file],
      ['claude', file],
      ['cursor', file],
    ],
  );
});

test('a changed file, a moved one, or a forged index line for another file does not pass', () => {
  const file = join(project, 'src', 'later.ts');
  writeFileSync(file, 'export const y = 2;\n');
  indexAsNode(file);
  assert.equal(hook('claude', claudeRead(file)), 'answered');
  // The CLI indexes only files unchanged for 2 s, so a rewrite lands in a later second.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
  writeFileSync(file, SECRET_TEXT.slice(0, 20)); // the same size: the times still differ
  assert.equal(hook('claude', claudeRead(file)), 'node');
  appendFileSync(index(), `1 1 1 1\t${join(project, 'src', 'keys.ts')}\n`);
  assert.equal(hook('claude', claudeRead(join(project, 'src', 'keys.ts'))), 'node');
});

test('shapes the launcher does not follow go to Node', () => {
  const file = join(project, 'src', 'index.ts');
  indexAsNode(file);
  const shapes: unknown[] = [
    claudeRead(`${project}/src/../src/index.ts`),
    claudeRead(`${project}//src/index.ts`),
    claudeRead(file.replace('index', 'ind\\u0065x')),
    `{"hook_event_name":"PreToolUse","tool_name":"Read","cwd":"${project}","tool_input":{"file_path":"${file}","file_path":"${join(project, '.env')}"}}`,
    { ...claudeRead(file), tool_input: { nested: { file_path: file } } },
    { ...claudeRead(file), tool_input: { file_path: file, command: 'cat .env' } },
    { ...claudeRead(file), hook_event_name: 'PostToolUse' },
    { ...claudeRead(file), tool_name: 'Grep', tool_input: { pattern: 'x', path: 'src', glob: '*.env' } },
    { ...claudeRead(file), tool_name: 'NotARead' },
    { ...claudeRead(file), cwd: 'relative' },
    `${JSON.stringify(claudeRead(file))}\n${JSON.stringify(claudeRead(join(project, '.env')))}`,
    JSON.stringify(claudeRead(file)).slice(0, -1),
  ];
  const passed = shapes.filter((shape) => hook('claude', shape) !== 'node');
  assert.deepEqual(passed, []);
  assert.equal(hook('cursor', { hook_event_name: 'beforeReadFile', file_path: 'src/index.ts', cwd: project }), 'node', 'relative Cursor path');
});

test('searches over folders and name-only globs are answered; the spool must be writable', () => {
  assert.equal(hook('claude', { ...claudeRead(''), tool_name: 'Grep', tool_input: { pattern: 'TODO', path: 'src' } }), 'answered');
  assert.equal(hook('claude', { ...claudeRead(''), tool_name: 'Grep', tool_input: { pattern: 'TODO' } }), 'answered', 'the cwd');
  assert.equal(hook('claude', { ...claudeRead(''), tool_name: 'Glob', tool_input: { pattern: '**/*.ts' } }), 'answered');
  rmSync(spool(), { force: true });
  mkdirSync(spool());
  try {
    assert.equal(hook('claude', { ...claudeRead(''), tool_name: 'Grep', tool_input: { pattern: 'TODO', path: 'src' } }), 'node', 'cannot record it: Node does');
  } finally {
    rmSync(spool(), { recursive: true });
  }
});

test('parity: every read the launcher answers, the Node hook allows', async () => {
  const files = ['src/index.ts', 'src/keys.ts', '.env', 'config/server.pem', 'src', '.', 'missing.txt', 'src/later.ts'].map((f) => join(project, f));
  for (const f of files) {
    try {
      if ((await fileHoldsSecret(f)) === false) indexAsNode(f);
    } catch {
      /* a folder */
    }
  }
  const payloads: Array<[HookAgent, Record<string, unknown>]> = [];
  for (const f of files) {
    payloads.push(['claude', claudeRead(f)]);
    payloads.push(['claude', { ...claudeRead(''), tool_name: 'Grep', tool_input: { pattern: 'x', path: f } }]);
    payloads.push(['cursor', { hook_event_name: 'beforeReadFile', file_path: f, content: '', workspace_roots: [project] }]);
  }
  let answered = 0;
  for (const [agent, payload] of payloads) {
    if (hook(agent, payload) !== 'answered') continue;
    answered++;
    const call = parsePayload(agent, JSON.stringify(payload), project);
    const verdict = await decideHook(call, {
      assess: () => {
        throw new Error('not a command');
      },
      askEditor: async () => ({ unreachable: 'test' }),
      protectedFiles: { globs: DEFAULT_PROTECTED_FILES, holdsSecret: fileHoldsSecret },
      timeoutMs: 30_000,
    });
    assert.equal(verdict.decision, 'allow', JSON.stringify(payload));
  }
  assert.ok(answered >= 6, `only ${answered} answered`);
});

test('the spool is folded into the log as reads the rules allowed, whatever a line claims', async () => {
  const path = join(built, 'fold.jsonl');
  writeFileSync(
    path,
    [
      JSON.stringify({ time: '2026-01-01T00:00:00Z', agent: 'claude', tool: 'Read', file: '/p/a.ts', cwd: '/p', session: 's' }),
      JSON.stringify({ agent: 'cursor', file: '/p/b.ts', decision: 'deny', decidedBy: 'person', kind: 'confirmation' }),
      'not json',
      JSON.stringify({ agent: 'mallory', file: '/p/c.ts' }),
      '',
    ].join('\n'),
  );
  const events: ActivityEvent[] = [];
  assert.equal(
    await foldReadSpool(path, async (_cwd, e) => {
      events.push(e);
    }),
    2,
  );
  assert.deepEqual(
    events.map((e) => [e.kind, e.actor, e.file, e.decision, e.decidedBy]),
    [
      ['file-read', 'claude', '/p/a.ts', 'allow', 'rules'],
      ['file-read', 'cursor', '/p/b.ts', 'allow', 'rules'],
    ],
  );
  assert.equal(await foldReadSpool(path, async () => undefined), 0, 'folded once');
});

test('the index key is what stat -L prints', () => {
  const file = join(project, 'src', 'index.ts');
  const line = execFileSync('stat', process.platform === 'linux' ? ['-L', '-c', '%s %Y %Z %i', file] : ['-L', '-f', '%z %m %c %i', file], {
    encoding: 'utf8',
  }).trim();
  assert.equal(indexKey(file, statExact(file)!), `${line}\t${file}`);
  chmodSync(file, 0o644);
});

test('Gemini, Copilot (VS Code shape), Kiro and Windsurf reads: answered in sh as Node answers them, spooled under their own name and event', async () => {
  const file = join(project, 'src', 'index.ts');
  indexAsNode(file);
  rmSync(spool(), { force: true });
  const reads: Array<[HookAgent, Record<string, unknown>]> = [
    ['gemini', { session_id: 'g', cwd: project, hook_event_name: 'BeforeTool', tool_name: 'read_file', tool_input: { file_path: file } }],
    ['copilot', { session_id: 'p', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'read_file', tool_input: { filePath: file } }],
    ['kiro', { cwd: project, hook_event_name: 'preToolUse', tool_name: 'read', tool_input: { path: 'src/index.ts' } }],
    [
      'windsurf',
      { agent_action_name: 'pre_read_code', trajectory_id: 'w', execution_id: 'e', timestamp: '2026-01-01T00:00:00Z', tool_info: { file_path: file } },
    ],
  ];
  for (const [agent, payload] of reads) {
    const input = JSON.stringify(payload);
    const sh = spawnSync('sh', [launcher, 'hook', agent], { input, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: built } });
    const js = await runHook({
      agent,
      cwd: project,
      env: { HOME: built },
      timeoutMs: 10_000,
      assess: async () => ({ decision: 'allow', environment: null, findings: [] }),
      ask: async () => ({ unreachable: 'none' }),
      readStdin: async () => input,
      record: async () => {},
      report: async () => true,
    });
    assert.ok(!sh.stdout.startsWith('RUNTIME'), `${agent}: answered in sh`);
    assert.deepEqual([sh.status, sh.stdout], [js.exitCode, js.stdout], `${agent}: the same answer as Node`);
  }
  const lines = readFileSync(spool(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.agent, l.event, l.file]),
    [
      ['gemini', 'BeforeTool', file],
      ['copilot', 'PreToolUse', file],
      ['kiro', 'preToolUse', file],
      ['windsurf', 'pre_read_code', file],
    ],
  );
  assert.equal(lines[3].session, 'w', 'Windsurf names its session trajectory_id');
  const events: ActivityEvent[] = [];
  assert.equal(
    await foldReadSpool(spool(), async (_cwd, e) => {
      events.push(e);
    }),
    4,
  );
  assert.deepEqual(
    events.map((e) => [e.actor, e.details?.event]),
    [
      ['gemini', 'BeforeTool'],
      ['copilot', 'PreToolUse'],
      ['kiro', 'preToolUse'],
      ['windsurf', 'pre_read_code'],
    ],
  );
  // Ways around: a protected file, another event, a second folder, a Kiro fs_read with operations, agents with no read shape here.
  const slow: Array<[HookAgent, Record<string, unknown>]> = [
    ['gemini', { cwd: project, hook_event_name: 'BeforeTool', tool_name: 'read_file', tool_input: { file_path: join(project, '.env') } }],
    ['gemini', { cwd: project, hook_event_name: 'PreToolUse', tool_name: 'read_file', tool_input: { file_path: file } }],
    ['copilot', { cwd: project, workspace_roots: ['/'], hook_event_name: 'PreToolUse', tool_name: 'read_file', tool_input: { filePath: file } }],
    [
      'kiro',
      { cwd: project, hook_event_name: 'preToolUse', tool_name: 'fs_read', tool_input: { operations: [{ mode: 'Line', path: join(project, '.env') }] } },
    ],
    ['codex', { cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: file } }],
    ['opencode', { cwd: project, tool: 'read', args: { filePath: file } }],
    ['windsurf', { agent_action_name: 'pre_read_code', tool_info: { file_path: join(project, '.env') } }],
    ['windsurf', { agent_action_name: 'pre_read_code', tool_info: { file_path: 'src/index.ts', cwd: project } }],
    ['windsurf', { agent_action_name: 'pre_write_code', tool_info: { file_path: file } }],
    ['windsurf', { agent_action_name: 'pre_read_code', file_path: file, tool_info: { description: 'x' } }],
  ];
  for (const [agent, payload] of slow) assert.equal(hook(agent, payload), 'node', `${agent} ${JSON.stringify(payload)}`);
});
