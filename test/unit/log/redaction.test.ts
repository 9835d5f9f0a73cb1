import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { completeEvent } from '../../../src/core/log/event-factory';
import { logDirFor } from '../../../src/core/log/location';
import { MAX_LOGGED_STRING, redactEvent } from '../../../src/core/log/redact-event';
import { verifyLog } from '../../../src/core/log/verify';
import { appendToWorkspaceLog } from '../../../src/core/log/workspace-log';
import { withCrc32Base62Checksum } from '../../../src/core/tokens/checksum';
import { tempDir } from './helpers';

// Built at run time (checksum-valid, as GitHub issues them) so this file itself holds no token.
const GITHUB_TOKEN = withCrc32Base62Checksum('ghp_', 'Zq8vN2kLm4Rt7Wx1Yb3Cd5Ef6FAKE0');
const AWS_SECRET = ['Xk9pQ2mV7sL4', '/tR8wN1bC6dF3gH', '5jZ0aY2eU7iO4'].join(''); // 40 characters, as AWS issues them

test('a planted token never reaches the log file, whichever field carries it', async () => {
  const env = { AIRLOCK_STATE_DIR: join(tempDir(), 'state') };
  const root = tempDir('airlock-ws-');
  await appendToWorkspaceLog(
    root,
    {
      kind: 'decision',
      actor: 'claude',
      command: `curl -H "Authorization: Bearer ${GITHUB_TOKEN}" https://api.github.com/user`,
      cwd: root,
      reason: `token ${GITHUB_TOKEN} would be sent`,
      evidence: [`AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`],
      details: { payload: { env: `GITHUB_TOKEN=${GITHUB_TOKEN}` }, list: [GITHUB_TOKEN] },
    },
    env,
  );
  const dir = logDirFor(root, env);
  const written = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
  assert.match(written, /curl -H/, 'the event itself was written');
  assert.ok(!written.includes(GITHUB_TOKEN), 'GitHub token leaked into the log');
  assert.ok(!written.includes(AWS_SECRET), 'AWS secret leaked into the log');
  assert.ok(!written.includes(GITHUB_TOKEN.slice(4, 20)), 'part of the token leaked');
  assert.match(written, /ghp_…/, 'a preview (first 4 characters and the length) stands in for it');
});

test('redactEvent keeps ids, times and the closed vocabulary as they are', () => {
  const event = completeEvent({
    kind: 'decision',
    actor: 'cursor',
    decision: 'deny',
    decidedBy: 'person',
    environment: 'production',
    severity: 'critical',
    exitCode: 1,
    durationMs: 5,
  });
  assert.deepEqual(redactEvent(event), event);
});

test('a huge command is logged cut to 64 KB with a note, and the chain stays readable across long lines', async () => {
  const env = { AIRLOCK_STATE_DIR: join(tempDir(), 'state') };
  const root = tempDir('airlock-ws-');
  const huge = `echo ${'A'.repeat(1_000_000)}`;
  const written = await appendToWorkspaceLog(
    root,
    { kind: 'command', actor: 'terminal', command: huge, details: { a: 'x'.repeat(60_000), b: 'y'.repeat(60_000), c: 'z'.repeat(60_000) } },
    env,
  );
  assert.ok(written.command!.length < MAX_LOGGED_STRING + 100);
  assert.match(written.command!, /\[\d+ more characters not logged\]$/);
  // A line longer than the tail reader's 64 KB chunk: a fresh writer must still find the head.
  await appendToWorkspaceLog(root, { kind: 'command', actor: 'terminal', command: 'ls' }, env);
  const report = verifyLog(logDirFor(root, env));
  assert.equal(report.ok, true, report.firstBreak?.message);
  assert.equal(report.head.seq, 2);
});
