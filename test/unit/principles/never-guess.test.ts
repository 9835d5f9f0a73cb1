/**
 * Principle: never guess. A destructive command whose environment cannot be determined is
 * treated as production and needs the typed confirmation; a body, SQL file or script Airlock
 * cannot read (missing, a folder, a FIFO, binary, too large) is `ask`, never `allow` — through
 * `airlock check` and through an agent's hook.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { answerDecision, cli, payload, sandbox } from './harness';

test('a destructive command with no environment evidence is unknown, confirmed by typing', async () => {
  const w = sandbox();
  try {
    // Nothing in the sandbox names an environment: no env files, no kubeconfig, no links, no variables.
    for (const line of [
      'railway volume delete vol_1',
      'kubectl delete deployment api',
      'terraform destroy',
      'aws s3 rb s3://backups --force',
      'curl -X DELETE https://api.example.com/v1/volumes/1',
      'redis-cli -h cache.internal flushall',
    ]) {
      const r = await cli(['check', '--json', '--', line], { cwd: w.ws, env: w.env });
      const result = JSON.parse(r.stdout);
      assert.equal(result.decision, 'ask', `${line}: ${r.stdout}`);
      assert.equal(r.code, 3);
      assert.equal(result.environment, 'unknown', `${line} must not be guessed into an environment`);
      assert.equal(result.confirmation, 'typed', `${line}: unknown is treated as production`);
    }
  } finally {
    w.dispose();
  }
});

test('the same command with evidence of development is not called unknown (the test can fail)', async () => {
  const w = sandbox();
  try {
    const r = await cli(['check', '--json', '--', 'railway volume delete vol_1'], { cwd: w.ws, env: { ...w.env, RAILWAY_ENVIRONMENT: 'development' } });
    const result = JSON.parse(r.stdout);
    assert.notEqual(result.environment, 'unknown', r.stdout);
  } finally {
    w.dispose();
  }
});

/** Every way a file can be unreadable to Airlock at check time. */
function unreadableFiles(ws: string): Record<string, string> {
  mkdirSync(join(ws, 'folder.json'));
  mkdirSync(join(ws, 'folder.sql'));
  mkdirSync(join(ws, 'folder.sh'));
  execFileSync('mkfifo', [join(ws, 'fifo.json'), join(ws, 'fifo.sql'), join(ws, 'fifo.sh')]);
  const big = 'select 1;\n'.repeat(1_200_000);
  writeFileSync(join(ws, 'big.sql'), big);
  writeFileSync(join(ws, 'big.json'), `{"query":"${'a'.repeat(12_000_000)}"}`);
  writeFileSync(join(ws, 'binary.sh'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff, 0xfe, 0]));
  return { missing: 'missing', folder: 'folder', fifo: 'fifo', big: 'big', binary: 'binary' };
}

test('an unreadable -d @body, -f script.sql or bash script.sh asks, never allows', async () => {
  const w = sandbox();
  try {
    unreadableFiles(w.ws);
    const lines: string[] = [];
    for (const name of ['missing', 'folder', 'fifo', 'big']) {
      lines.push(
        `curl -X POST https://api.railway.app/graphql/v2 -H 'Content-Type: application/json' -d @${name}.json`,
        `curl -X POST https://backboard.railway.app/v1/projects --data-binary @${name}.json`,
        `psql -h prod-db.internal -U app -f ${name}.sql`,
        `psql -h prod-db.internal app < ${name}.sql`,
        `mysql -h db.internal app < ${name}.sql`,
      );
    }
    for (const name of ['missing', 'folder', 'fifo', 'binary']) lines.push(`bash ${name}.sh`, `sh ./${name}.sh`, `bash -x ${name}.sh`);
    for (const line of lines) {
      const r = await cli(['check', '--json', '--', line], { cwd: w.ws, env: w.env });
      assert.equal(r.timedOut, false, `${line} hung`);
      const result = JSON.parse(r.stdout);
      assert.equal(result.decision, 'ask', `${line} -> ${result.decision}: ${r.stdout.slice(0, 400)}`);
      const hook = await cli(['hook', 'cursor'], { cwd: w.ws, env: w.env, stdin: payload.cursor(w.ws, line) });
      assert.equal(answerDecision('cursor', hook.stdout), 'deny', `${line}: with no editor, Cursor hears deny`);
    }
  } finally {
    w.dispose();
  }
});

test('a readable, harmless body, SQL file and script are allowed (the unreadable ones are why they ask)', async () => {
  const w = sandbox();
  try {
    writeFileSync(join(w.ws, 'body.json'), JSON.stringify({ query: 'query { me { id } }' }));
    writeFileSync(join(w.ws, 'report.sql'), 'select count(*) from bookings;\n');
    writeFileSync(join(w.ws, 'build.sh'), '#!/bin/sh\necho building\nls -la\n');
    for (const line of ['curl -X POST https://api.railway.app/graphql/v2 -d @body.json', 'psql -h prod-db.internal -f report.sql', 'bash build.sh']) {
      const r = await cli(['check', '--json', '--', line], { cwd: w.ws, env: w.env });
      assert.equal(JSON.parse(r.stdout).decision, 'allow', `${line}: ${r.stdout}`);
    }
  } finally {
    w.dispose();
  }
});
