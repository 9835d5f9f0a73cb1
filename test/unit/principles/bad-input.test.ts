/**
 * Principle: bad input gets a clear answer, never a crash or a hang. Every entry point is fed
 * empty input, NUL bytes, invalid UTF-8, a 1 MB line, unbalanced quotes, deep nesting, huge and
 * non-object JSON, wrong types in every field of each agent's payload, and broken config files
 * in the workspace and the fake HOME. Each run must finish within the hang guard, exit with its
 * documented code, say something, and show no stack frame or source path.
 */

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { shellLine } from '../../../src/core/shell/quote';
import { answerDecision, assertNoTrace, builtProduct, cli, type Outcome, payload, sandbox, spawnOutcome, type Workspace } from './harness';

/** Documented exit codes per command (usage errors are 2 everywhere). */
const EXITS: Record<string, number[]> = {
  check: [0, 2, 3, 4],
  explain: [0, 2, 3, 4], // "Exit status as for check"
  env: [0, 1, 2],
  scan: [0, 1, 2],
  log: [0, 1, 2],
  hook: [0, 2],
  gate: [0, 2, 126],
};

function assertClear(r: Outcome, command: string, where: string): void {
  assert.equal(r.timedOut, false, `${where} hung`);
  assert.ok(EXITS[command]!.includes(r.code ?? -1), `${where}: exit ${r.code} is not documented for ${command}\n${r.stderr.slice(0, 500)}`);
  assert.ok((r.stdout + r.stderr).trim().length > 0 || (command === 'hook' && r.code === 0) || (command === 'gate' && r.code === 0), `${where}: said nothing`);
  assertNoTrace(r.stdout + r.stderr, where);
  assert.doesNotMatch(r.stderr, /internal error/, `${where}: ${r.stderr}`);
}

const MB_LINE = `echo ${'a'.repeat(1024 * 1024)}`;
function nestedBash(depth: number): string {
  let line = 'rm -rf /';
  for (let i = 0; i < depth && line.length < 200_000; i++) line = shellLine(['bash', '-c', line]);
  return line;
}

const HOSTILE_LINES: Record<string, string> = {
  empty: '',
  spaces: '   \t  ',
  nul: 'git status\0rm -rf /',
  nuls: '\0'.repeat(1000),
  replacementChars: 'ls \uFFFD\uFFFE\uD800 file',
  megabyte: MB_LINE,
  unbalancedDouble: 'echo "unterminated',
  unbalancedSingle: "psql -c 'drop table x",
  unbalancedParen: 'echo $(echo $(echo',
  unbalancedBacktick: 'echo `rm -rf /',
  heredocOpen: 'cat <<EOF\nrm -rf /\n',
  nestedBash: nestedBash(12),
  nestedSubst: `${'echo $('.repeat(500)}x${')'.repeat(500)}`,
  nestedSubshell: `${'('.repeat(2000)}ls${')'.repeat(2000)}`,
  nestedBraces: `${'{ '.repeat(1000)}ls;${' }'.repeat(1000)}`,
  manyPipes: Array.from({ length: 5000 }, () => 'cat').join(' | '),
  manySemicolons: 'true;'.repeat(50_000),
  controlChars: 'ls \x1b[31m\x07\x08\r\n\x0b\x0c',
  longWord: `rm -rf /${'x/'.repeat(100_000)}`,
};

let built: { cli: string; launcher: string };
before(async () => {
  built = await builtProduct();
});

test('check and explain answer every hostile command line clearly', async () => {
  const w = sandbox();
  try {
    for (const [name, line] of Object.entries(HOSTILE_LINES)) {
      for (const args of [
        ['check', '--', line],
        ['check', '--json', '--', line],
        ['explain', '--', line],
      ]) {
        const r = await cli(args, { cwd: w.ws, env: w.env });
        assertClear(r, args[0]!, `${args.slice(0, 2).join(' ')} <${name}>`);
        if (args[1] === '--json' && r.code !== 2) assert.doesNotThrow(() => JSON.parse(r.stdout), `${name}: --json prints JSON`);
      }
    }
    // The nested rm -rf / is still found, however deep the quoting.
    const nested = await cli(['check', '--', HOSTILE_LINES.nestedBash!], { cwd: w.ws, env: w.env });
    assert.notEqual(nested.code, 0, 'nested bash -c "rm -rf /" must not be allowed');
  } finally {
    w.dispose();
  }
});

test('the built CLI answers hostile lines as a process (argv cannot carry NUL: those go in-process only)', async () => {
  const w = sandbox();
  try {
    for (const [name, line] of Object.entries(HOSTILE_LINES)) {
      if (line.includes('\0') || line.length > 120_000) continue; // exec argv limits, not Airlock's
      const r = await spawnOutcome(process.execPath, [built.cli, 'check', '--', line], { cwd: w.ws, env: w.env });
      assertClear(r, 'check', `built check <${name}>`);
    }
  } finally {
    w.dispose();
  }
});

/** Replaces one field of a valid payload with a value of the wrong type. */
const WRONG_VALUES: unknown[] = [null, 42, -1.5, true, [], ['a', 1], {}, { nested: { deeper: [1, 2, 3] } }, '', 'x'.repeat(200_000), '\0\0'];

function wrongTypePayloads(ws: string): Array<{ agent: 'claude' | 'cursor' | 'vscode'; label: string; body: string }> {
  const out: Array<{ agent: 'claude' | 'cursor' | 'vscode'; label: string; body: string }> = [];
  const bases = {
    claude: [JSON.parse(payload.claude(ws, 'git status')), JSON.parse(payload.claudeRead(ws, '.env'))],
    cursor: [JSON.parse(payload.cursor(ws, 'git status')), JSON.parse(payload.cursorRead(ws, '.env'))],
    vscode: [JSON.parse(payload.vscode(ws, 'git status'))],
  };
  for (const [agent, list] of Object.entries(bases) as Array<['claude' | 'cursor' | 'vscode', Array<Record<string, unknown>>]>) {
    for (const base of list) {
      const fields = [...Object.keys(base), ...Object.keys((base.tool_input as object | undefined) ?? {}).map((k) => `tool_input.${k}`)];
      for (const field of fields) {
        for (const value of WRONG_VALUES) {
          const body = structuredClone(base);
          if (field.startsWith('tool_input.')) (body.tool_input as Record<string, unknown>)[field.slice(11)] = value;
          else body[field] = value;
          out.push({ agent, label: `${agent} ${String(base.hook_event_name)} ${field}=${JSON.stringify(value)?.slice(0, 20)}`, body: JSON.stringify(body) });
        }
      }
    }
  }
  return out;
}

function hookBodies(ws: string, agent: 'claude' | 'cursor' | 'vscode'): Record<string, string | Buffer> {
  /** A shell call in this agent's own shape with the command as raw JSON text. */
  const shell = (commandJson: string, extra = '') =>
    agent === 'cursor'
      ? `{${extra}"hook_event_name":"beforeShellExecution","command":${commandJson},"cwd":"${ws}","workspace_roots":["${ws}"]}`
      : `{${extra}"hook_event_name":"PreToolUse","tool_name":"${agent === 'claude' ? 'Bash' : 'run_in_terminal'}","tool_input":{"command":${commandJson}},"cwd":"${ws}"}`;
  return {
    empty: '',
    whitespace: ' \n\t ',
    nul: '\0',
    nulInJson: shell('"git status\\u0000rm -rf /"'),
    invalidUtf8: Buffer.concat([
      Buffer.from('{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls '),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(`"},"cwd":"${ws}"}`),
    ]),
    binary: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]),
    notJson: 'rm -rf /',
    truncated: '{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls',
    array: '[1,2,3]',
    string: '"PreToolUse"',
    number: '42',
    nullJson: 'null',
    trueJson: 'true',
    emptyObject: '{}',
    deepArray: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    deepObject: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
    hugeCommand: JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: ws, tool_input: { command: `echo ${'x'.repeat(5 * 1024 * 1024)}` } }),
    hugeArray: JSON.stringify({
      hook_event_name: 'beforeShellExecution',
      command: 'ls',
      cwd: ws,
      workspace_roots: Array.from({ length: 200_000 }, (_, i) => `/r/${i}`),
    }),
    twoObjects: '{"a":1}{"b":2}',
    duplicateKeys:
      agent === 'cursor' ? `{"hook_event_name":"beforeShellExecution","command":"ls","command":"rm -rf /","cwd":"${ws}"}` : shell('"ls","command":"rm -rf /"'),
    relativeCwd: JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: '../../../../..', tool_input: { command: 'git status' } }),
    missingCwd: JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: '/nonexistent/airlock/x', tool_input: { command: 'git status' } }),
    protoPollution: shell('"railway volume delete v"', '"__proto__":{"permission":"allow","decision":"allow"},"constructor":{"prototype":{"x":1}},'),
  };
}

test("hook answers every malformed payload in the agent's format, in-process and as the built CLI and launcher", async () => {
  const w = sandbox();
  try {
    for (const agent of ['claude', 'cursor', 'vscode'] as const) {
      for (const [name, body] of Object.entries(hookBodies(w.ws, agent))) {
        const runs: Array<[string, Outcome]> = [
          ['in-process', await cli(['hook', agent], { cwd: w.ws, env: w.env, stdin: typeof body === 'string' ? body : body.toString('utf8') })],
        ];
        if (['empty', 'nul', 'invalidUtf8', 'binary', 'array', 'deepArray', 'hugeCommand', 'protoPollution', 'truncated'].includes(name)) {
          runs.push(['bundle', await spawnOutcome(process.execPath, [built.cli, 'hook', agent], { cwd: w.ws, env: w.env, stdin: body })]);
          runs.push(['launcher', await spawnOutcome(built.launcher, ['hook', agent], { cwd: w.ws, env: w.env, stdin: body })]);
        }
        for (const [via, r] of runs) {
          const where = `${via} hook ${agent} <${name}>`;
          assertClear(r, 'hook', where);
          if (r.code === 2) {
            assert.equal(answerDecision(agent, r.stdout), 'deny', `${where}: an unreadable payload is blocked`);
            assert.match(r.stderr, new RegExp(`^airlock hook ${agent}: .+\\n$`), `${where}: one plain line`);
          }
          if (name === 'protoPollution' || name === 'duplicateKeys' || name === 'nulInJson')
            assert.notEqual(answerDecision(agent, r.stdout), 'allow', `${where} must not be allowed`);
        }
      }
    }
  } finally {
    w.dispose();
  }
});

test("wrong types in every field of each agent's payload: an answer in the agent's format, never a crash", async () => {
  const w = sandbox();
  try {
    const cases = wrongTypePayloads(w.ws);
    assert.ok(cases.length > 150, `${cases.length}`);
    for (const { agent, label, body } of cases) {
      const r = await cli(['hook', agent], { cwd: w.ws, env: w.env, stdin: body });
      assertClear(r, 'hook', label);
      assert.doesNotThrow(() => answerDecision(agent, r.stdout), `${label}: ${r.stdout}`);
    }
  } finally {
    w.dispose();
  }
});

/** Broken config everywhere Airlock reads config: repository and user policy, kubeconfig, env files, AWS, terraform, railway, the log index and the log itself. */
function breakConfigs(w: Workspace): void {
  const binary = Buffer.from([0, 0xff, 0xfe, 0x00, 0x7f, 0x45, 0x4c, 0x46]);
  mkdirSync(join(w.ws, '.airlock'));
  writeFileSync(join(w.ws, '.airlock', 'policy.json'), '{"disabledRules": [1, 2, {"x": }], "allow": "everything",');
  mkdirSync(join(w.base, 'config', 'airlock'), { recursive: true });
  writeFileSync(join(w.base, 'config', 'airlock', 'policy.json'), binary);
  mkdirSync(join(w.home, '.kube'));
  writeFileSync(join(w.home, '.kube', 'config'), 'apiVersion: v1\ncurrent-context: [unclosed\nclusters: {{{{\n  - : :\n\t\ttabs\n*anchor_without_definition\n');
  writeFileSync(
    join(w.ws, '.env'),
    Buffer.concat([Buffer.from('DATABASE_URL="postgres://unterminated\nRAILWAY_ENVIRONMENT=\0\0\nexport =\n=value\n'), binary]),
  );
  writeFileSync(join(w.ws, '.env.production'), `KEY=${'v'.repeat(3 * 1024 * 1024)}\n`);
  mkdirSync(join(w.ws, '.env.staging'));
  mkdirSync(join(w.home, '.aws'));
  writeFileSync(join(w.home, '.aws', 'config'), '[profile prod\nregion = \n[[[ ]]]\n');
  writeFileSync(join(w.home, '.aws', 'credentials'), binary);
  mkdirSync(join(w.ws, '.terraform'));
  writeFileSync(join(w.ws, '.terraform', 'environment'), binary);
  mkdirSync(join(w.home, '.railway'));
  writeFileSync(join(w.home, '.railway', 'config.json'), '{"projects": {"x": ');
  writeFileSync(join(w.ws, 'railway.json'), '[[[');
  writeFileSync(join(w.ws, '.git', 'HEAD'), binary);
  writeFileSync(join(w.ws, '.airlockignore'), binary);
  writeFileSync(join(w.state, 'workspaces.json'), '{"version": 1, "workspaces": {"/": {"logDir": 42}}, ');
  mkdirSync(join(w.state, 'logs'), { recursive: true });
}

test('broken config files in the workspace and HOME: every command still answers clearly', async () => {
  const w = sandbox();
  try {
    breakConfigs(w);
    const env = { ...w.env, KUBECONFIG: `${join(w.home, '.kube', 'config')}:/nonexistent/kube:${join(w.ws, '.env.staging')}` };
    const runs: Array<{ args: string[]; stdin?: string }> = [
      { args: ['check', '--', 'railway volume delete vol_1'] },
      { args: ['check', '--json', '--', 'kubectl delete deployment api'] },
      { args: ['check', '--', 'git push --force'] },
      { args: ['check', '--', 'git status'] },
      { args: ['explain', '--', 'terraform destroy'] },
      { args: ['env'] },
      { args: ['env', '--json'] },
      { args: ['scan'] },
      { args: ['scan', '--json'] },
      { args: ['scan', '--sarif'] },
      { args: ['scan', '--verbose'] },
      { args: ['log', '--workspace', w.ws] },
      { args: ['log', '--verify', '--workspace', w.ws] },
      { args: ['gate', '--tool', 'railway', '--', 'volume', 'delete', 'vol_1'] },
      { args: ['hook', 'claude'], stdin: payload.claude(w.ws, 'railway volume delete vol_1') },
      { args: ['hook', 'cursor'], stdin: payload.cursor(w.ws, 'git status') },
      { args: ['hook', 'vscode'], stdin: payload.vscode(w.ws, 'kubectl delete ns payments') },
    ];
    for (const { args, stdin } of runs) {
      const r = await cli(args, { cwd: w.ws, env, stdin });
      assertClear(r, args[0]!, `broken config: airlock ${args.join(' ').slice(0, 60)}`);
      const spawned = await spawnOutcome(process.execPath, [built.cli, ...args], { cwd: w.ws, env, stdin });
      assertClear(spawned, args[0]!, `broken config, built: airlock ${args.join(' ').slice(0, 60)}`);
    }
    const destructive = await cli(['check', '--json', '--', 'railway volume delete vol_1'], { cwd: w.ws, env });
    assert.notEqual(JSON.parse(destructive.stdout).decision, 'allow', 'broken config never loosens');
  } finally {
    w.dispose();
  }
});

test('usage errors for every command: exit 2, the usage, no trace', async () => {
  const w = sandbox();
  try {
    const cases = [
      ['check'],
      ['check', '--cwd'],
      ['check', 'a', 'b'],
      ['check', '--bogus'],
      ['explain'],
      ['env', '--cwd'],
      ['env', '--bogus'],
      ['scan', '--include'],
      ['scan', '--json', '--sarif'],
      ['log', '--limit', 'x'],
      ['log', '--since', 'not a time'],
      ['log', '--anchor', 'x'],
      ['hook'],
      ['hook', 'notanagent'],
      ['hook', 'claude', '--timeout', '-1'],
      ['hook', 'claude', '--timeout', 'NaN'],
      ['gate'],
      ['gate', '--tool'],
      ['gate', '--bogus'],
      ['nonexistent-command'],
      ['help', 'nonexistent'],
    ];
    for (const args of cases) {
      const r = await cli(args, { cwd: w.ws, env: w.env, stdin: '' });
      assert.equal(r.code, 2, `airlock ${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /airlock/, `airlock ${args.join(' ')} says what went wrong`);
      assertNoTrace(r.stdout + r.stderr, `airlock ${args.join(' ')}`);
    }
  } finally {
    w.dispose();
  }
});

test('a scan of hostile files: huge, binary, deep, NUL-laden, a FIFO and a symlink loop', async () => {
  const w = sandbox();
  try {
    writeFileSync(join(w.ws, 'huge.env'), `TOKEN=${'a'.repeat(20 * 1024 * 1024)}\n`);
    writeFileSync(join(w.ws, 'nul.env'), `A=1\0B=2\0${'\0'.repeat(10_000)}`);
    writeFileSync(join(w.ws, 'one-line.json'), `{"k":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    writeFileSync(join(w.ws, 'deep.json'), `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    let dir = w.ws;
    for (let i = 0; i < 60; i++) {
      dir = join(dir, 'd');
      mkdirSync(dir);
    }
    writeFileSync(join(dir, '.env'), 'X=1\n');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(w.ws, 'pipe.env')]);
    execFileSync('ln', ['-s', 'loop', join(w.ws, 'loop')]);
    execFileSync('ln', ['-s', w.ws, join(w.ws, 'self')]);
    for (const format of [[], ['--json'], ['--sarif'], ['--verbose']]) {
      const r = await cli(['scan', ...format], { cwd: w.ws, env: w.env });
      assertClear(r, 'scan', `scan ${format.join(' ')} of hostile files`);
      // Skipped, and said so: not read whole, not waited on.
      if (format[0] === '--verbose') assert.match(r.stderr, /huge\.env[^\n]*(large|size|MB)/i, r.stderr.slice(0, 1000));
      if (format[0] === '--verbose') assert.match(r.stderr, /pipe\.env/, r.stderr.slice(0, 1000));
    }
  } finally {
    w.dispose();
  }
});
