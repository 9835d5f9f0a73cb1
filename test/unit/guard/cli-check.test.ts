// `airlock check` and `airlock explain`, run in-process.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';

const home = mkdtempSync(join(tmpdir(), 'airlock-cli-home-'));
const cwd = '/home/dev/project';

function io(stdin = ''): CliIO & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    stdout: (t: string) => {
      captured.out += t;
    },
    stderr: (t: string) => {
      captured.err += t;
    },
    readStdin: async () => stdin,
    env: { AIRLOCK_POLICY_FILE: join(home, 'none.json'), HOME: home },
    cwd,
  };
  return captured;
}

test('check exits 0 allow, 3 ask, 4 deny', async () => {
  assert.equal(await runCli(['check', '--', 'git status'], io()), 0);
  assert.equal(await runCli(['check', '--', 'git reset --hard'], io()), 3);
  assert.equal(await runCli(['check', '--', 'rm -rf /'], io()), 4);
  assert.equal(await runCli(['check', 'ls -la'], io()), 0, 'the -- is optional when the line does not start with a dash');
});

test('check --json prints the stable fields', async () => {
  const captured = io();
  assert.equal(await runCli(['check', '--json', '--cwd', '/tmp', '--', 'sudo git push --force origin main'], captured), 3);
  const json = JSON.parse(captured.out);
  assert.equal(json.decision, 'ask');
  assert.ok('environment' in json);
  assert.deepEqual(Object.keys(json.findings[0]).sort(), ['reason', 'rule', 'segment', 'severity', 'suggestion']);
  assert.equal(json.findings[0].rule, 'git.push-force');
  assert.equal(json.findings[0].segment, 'sudo git push --force origin main', 'the segment as written, wrapper included');
  const benign = io();
  await runCli(['check', '--json', '--', 'ls'], benign);
  assert.deepEqual(JSON.parse(benign.out), { decision: 'allow', environment: null, findings: [] });
});

test('check: usage errors exit 2 with a clear message', async () => {
  for (const args of [['check'], ['check', '--', 'git', 'status'], ['check', '--bogus', '--', 'ls'], ['check', '--cwd']]) {
    const captured = io();
    assert.equal(await runCli(args, captured), 2, args.join(' '));
    assert.match(captured.err, /airlock check: .+\n\nUsage: airlock check/);
  }
});

test('check never prints a secret from the line', async () => {
  const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
  const captured = io();
  await runCli(['check', '--json', '--', `GITHUB_TOKEN=${token} git push --force origin main`], captured);
  assert.ok(!captured.out.includes(token));
});

test('explain shows the parse, the unwrapping, the commands and each rule consulted', async () => {
  const captured = io();
  assert.equal(await runCli(['explain', '--', 'sudo bash -c "rm -rf src && git status"'], captured), 3);
  assert.match(captured.out, /Parse \(tree-sitter-bash\):\n {2}\(program/);
  assert.match(captured.out, /sudo runs bash -c/);
  assert.match(captured.out, /bash -c runs its string as a script: rm -rf src && git status/);
  assert.match(captured.out, /rm -rf src\n {6}cwd \/home\/dev\/project, reached via sudo → bash -c/);
  assert.match(captured.out, /MATCH filesystem\.rm-recursive: rm would recursively delete src/);
  assert.match(captured.out, /no {4}filesystem\.rm-root-or-home: looks at rm; its conditions do not hold here/);
  assert.match(captured.out, /Decision: ASK/);
  const fast = io();
  assert.equal(await runCli(['explain', 'ls -la'], fast), 0);
  assert.match(fast.out, /Fast path: no word on this line can bring a rule into play/);
  const help = io();
  assert.equal(await runCli(['explain', '--', 'terraform destroy --help'], help), 0);
  assert.match(help.out, /not checked: asks the tool for help/);
});
