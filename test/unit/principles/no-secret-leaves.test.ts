/**
 * Principle: no secret leaves Airlock. Realistic credentials are planted in a workspace and
 * written into command lines and hook payloads; every command that can see them runs, in-process
 * and as the built product, and nothing it prints or writes to disk holds five characters in a
 * row of any of them (a preview may show at most the first four).
 */

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import {
  answerDecision,
  assertNoLeak,
  builtProduct,
  cli,
  leaks,
  PEM,
  PG_URL,
  payload,
  plantSecrets,
  readTree,
  SECRET_LINES,
  SECRETS,
  sandbox,
  spawnOutcome,
} from './harness';

let built: { cli: string; launcher: string };
before(async () => {
  built = await builtProduct();
});

test('the leak detector itself sees every planted secret, whole or in part', () => {
  // Guards the guard: if this failed, every "no leak" below would pass vacuously.
  const all = Object.values(SECRETS);
  for (const s of all) assert.notDeepEqual(leaks(`x ${s} y`), [], s.slice(0, 4));
  for (const s of all) assert.notDeepEqual(leaks(`prefix ${s.slice(3, 8)} suffix`), [], `a 5-character fragment of ${s.slice(0, 4)}`);
  assert.deepEqual(leaks(`${SECRETS.github.slice(0, 4)}…(40 chars) ${SECRETS.stripe.slice(0, 4)}…(40 chars)`), [], 'a preview is allowed');
  for (const line of SECRET_LINES) assert.notDeepEqual(leaks(line), []);
  assert.notDeepEqual(leaks(PG_URL), []);
  assert.notDeepEqual(leaks(PEM), []);
});

test('check, check --json and explain print no secret from the command line', async () => {
  const w = sandbox();
  try {
    plantSecrets(w.ws);
    for (const line of SECRET_LINES) {
      for (const args of [
        ['check', '--', line],
        ['check', '--json', '--', line],
        ['explain', '--', line],
      ]) {
        const r = await cli(args, { cwd: w.ws, env: w.env });
        assert.equal(r.timedOut, false);
        assertNoLeak(r.stdout + r.stderr, `airlock ${args[0]} ${args[1]} of "${line.slice(0, 40)}"`);
        if (args[0] === 'check') assert.notEqual(r.code, 0, `${line.slice(0, 40)} is destructive: ${r.stdout}`);
      }
    }
  } finally {
    w.dispose();
  }
});

test("the terminal gate's refusal (no editor) names the command without its secrets", async () => {
  const w = sandbox();
  try {
    const argvs = [
      ['railway', 'volume', 'delete', 'vol_prod', '--token', SECRETS.railway],
      ['psql', PG_URL, '-c', 'drop table bookings'],
      ['curl', '-X', 'DELETE', '-H', `Authorization: Bearer ${SECRETS.github}`, 'https://api.github.com/repos/acme/app'],
      ['stripe', 'customers', 'delete', 'cus_1', '--api-key', SECRETS.stripe],
    ];
    for (const [tool, ...args] of argvs) {
      const r = await cli(['gate', '--tool', tool!, '--', ...args], { cwd: w.ws, env: w.env });
      assertNoLeak(r.stdout + r.stderr, `gate ${tool}`);
      const spawned = await spawnOutcome(process.execPath, [built.cli, 'gate', '--tool', tool!, '--', ...args], { cwd: w.ws, env: w.env });
      assertNoLeak(spawned.stdout + spawned.stderr, `built gate ${tool}`);
    }
  } finally {
    w.dispose();
  }
});

test("a value under a secret's name is hidden even when its format is off (a truncated paste)", async () => {
  const w = sandbox();
  try {
    const truncated = SECRETS.awsSecret.slice(0, 39);
    for (const args of [
      ['check', '--'],
      ['check', '--json', '--'],
      ['explain', '--'],
    ]) {
      const r = await cli([...args, `AWS_SECRET_ACCESS_KEY=${truncated} aws s3 rb s3://prod-backups --force`], { cwd: w.ws, env: w.env });
      assertNoLeak(r.stdout + r.stderr, `airlock ${args.join(' ')} with a 39-character AWS secret`);
    }
  } finally {
    w.dispose();
  }
});

test('env and env --json describe the workspace without its secrets', async () => {
  const w = sandbox();
  try {
    plantSecrets(w.ws);
    mkdirSync(join(w.home, '.kube'));
    writeFileSync(
      join(w.home, '.kube', 'config'),
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: prod',
        'clusters:',
        `- name: prod\n  cluster:\n    server: https://admin:${SECRETS.pgPassword}@k8s.prod.internal:6443`,
        'users:',
        `- name: admin\n  user:\n    token: ${SECRETS.github}`,
        'contexts:',
        '- name: prod\n  context:\n    cluster: prod\n    user: admin',
        '',
      ].join('\n'),
    );
    writeFileSync(join(w.home, '.aws-credentials'), `[default]\naws_access_key_id = ${SECRETS.awsKeyId}\naws_secret_access_key = ${SECRETS.awsSecret}\n`);
    const env = {
      ...w.env,
      AWS_SHARED_CREDENTIALS_FILE: join(w.home, '.aws-credentials'),
      RAILWAY_TOKEN: SECRETS.railway,
      DATABASE_URL: PG_URL,
      STRIPE_API_KEY: SECRETS.stripe,
    };
    for (const args of [['env'], ['env', '--json']]) {
      const r = await cli(args, { cwd: w.ws, env });
      assert.equal(r.timedOut, false);
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
      assert.match(r.stdout, /prod-db\.internal/, 'the report does describe the database it found');
      assertNoLeak(r.stdout + r.stderr, `airlock ${args.join(' ')}`);
    }
  } finally {
    w.dispose();
  }
});

test('scan in every format, and --verbose, shows previews only', async () => {
  const w = sandbox();
  try {
    plantSecrets(w.ws);
    const unreadable = join(w.ws, 'notes.txt');
    writeFileSync(unreadable, `token=${SECRETS.github}\n`);
    chmodSync(unreadable, 0o000);
    for (const format of [[], ['--json'], ['--sarif'], ['--verbose']]) {
      const r = await cli(['scan', ...format], { cwd: w.ws, env: w.env });
      assert.equal(r.timedOut, false);
      assert.equal(r.code, 1, `tokens were found: ${r.stderr}`);
      assert.match(r.stdout, /ghp_|sk_l|AKIA/, 'the findings are there, as previews');
      assertNoLeak(r.stdout + r.stderr, `airlock scan ${format.join(' ')}`);
    }
  } finally {
    w.dispose();
  }
});

test('hook answers with no editor reachable, and the log they write, hold no secret', async () => {
  const w = sandbox();
  try {
    plantSecrets(w.ws);
    const calls: Array<['claude' | 'cursor' | 'vscode', string]> = [];
    for (const line of SECRET_LINES) {
      calls.push(['claude', payload.claude(w.ws, line)], ['cursor', payload.cursor(w.ws, line)], ['vscode', payload.vscode(w.ws, line)]);
    }
    calls.push(['claude', payload.claudeRead(w.ws, join(w.ws, '.env'))], ['cursor', payload.cursorRead(w.ws, join(w.ws, 'id_rsa'))]);
    calls.push(['claude', payload.claude(w.ws, 'cat .env && echo $AWS_SECRET_ACCESS_KEY')], ['cursor', payload.cursor(w.ws, 'printenv')]);
    for (const [agent, body] of calls) {
      for (const via of ['in-process', 'bundle', 'launcher'] as const) {
        const r =
          via === 'in-process'
            ? await cli(['hook', agent], { cwd: w.ws, env: w.env, stdin: body })
            : await spawnOutcome(via === 'bundle' ? process.execPath : built.launcher, via === 'bundle' ? [built.cli, 'hook', agent] : ['hook', agent], {
                cwd: w.ws,
                env: w.env,
                stdin: body,
              });
        assert.equal(r.timedOut, false, `${via} ${agent} hung`);
        assertNoLeak(r.stdout + r.stderr, `${via} hook ${agent} answer`);
        assert.notEqual(answerDecision(agent, r.stdout), 'allow', `${via} ${agent}: ${body.slice(0, 120)}`);
      }
    }
    const onDisk = readTree(w.state);
    assert.match(onDisk, /"decision":"(ask|deny)"/, 'the decisions were logged (so the search below covers them)');
    assertNoLeak(onDisk, 'the log files on disk');
    for (const args of [['log'], ['log', '--json'], ['log', '--verify']]) {
      const r = await cli([...args, '--workspace', w.ws], { cwd: w.ws, env: w.env });
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assertNoLeak(r.stdout + r.stderr, `airlock ${args.join(' ')}`);
    }
  } finally {
    w.dispose();
  }
});

test('error paths do not echo a secret: malformed payloads, bad options, bad paths', async () => {
  const w = sandbox();
  try {
    const broken = (agent: string) => [
      `{"hook_event_name":"beforeShellExecution","command":"curl -H 'Authorization: Bearer ${SECRETS.github}'`,
      agent === 'cursor'
        ? `{"hook_event_name":"beforeShellExecution","command":42,"token":"${SECRETS.stripe}"}`
        : `{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":42},"token":"${SECRETS.stripe}"}`,
      `["${SECRETS.railway}"]`,
      `${SECRETS.awsSecret}`,
    ];
    for (const agent of ['claude', 'cursor', 'vscode'] as const) {
      for (const body of broken(agent)) {
        for (const via of ['in-process', 'bundle'] as const) {
          const r =
            via === 'in-process'
              ? await cli(['hook', agent], { cwd: w.ws, env: w.env, stdin: body })
              : await spawnOutcome(process.execPath, [built.cli, 'hook', agent], { cwd: w.ws, env: w.env, stdin: body });
          assert.equal(r.code, 2, `${via} ${agent}: ${r.stdout}${r.stderr}`);
          assertNoLeak(r.stdout + r.stderr, `${via} hook ${agent} malformed`);
        }
      }
    }
    const usage: string[][] = [
      ['check', `--token=${SECRETS.stripe}`, '--', 'ls'],
      ['check', '--cwd', join(w.ws, SECRETS.github), '--', 'rm -rf /'],
      ['scan', join(w.ws, `missing-${SECRETS.github}`)],
      ['scan', `--include=${SECRETS.awsSecret}`, `--key=${SECRETS.awsKeyId}`],
      ['env', `--railway-token=${SECRETS.railway}`],
      ['log', '--since', SECRETS.stripe, '--workspace', w.ws],
      ['log', '--anchor', `1:${SECRETS.github}`, '--verify', '--workspace', w.ws],
      ['hook', 'claude', '--timeout', SECRETS.awsSecret],
      ['hook', SECRETS.github],
      ['explain', `--auth=${SECRETS.github}`],
      [SECRETS.stripe],
      ['help', SECRETS.github],
    ];
    for (const args of usage) {
      const r = await cli(args, { cwd: w.ws, env: w.env, stdin: payload.claude(w.ws, 'ls') });
      assert.equal(r.timedOut, false);
      assertNoLeak(r.stdout + r.stderr, `airlock ${args.map((a) => a.slice(0, 12)).join(' ')}`);
      const spawned = await spawnOutcome(process.execPath, [built.cli, ...args], { cwd: w.ws, env: w.env, stdin: payload.claude(w.ws, 'ls') });
      assertNoLeak(spawned.stdout + spawned.stderr, `built airlock ${args.map((a) => a.slice(0, 12)).join(' ')}`);
    }
  } finally {
    w.dispose();
  }
});
