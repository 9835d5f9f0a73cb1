import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { listQueued, readState } from '../../../src/core/export/queue';
import { logDirFor } from '../../../src/core/log/location';
import { startCollector } from './collector';

const work = mkdtempSync(join(tmpdir(), 'airlock-hook-export-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('a hook process answers, then a detached worker it starts ships the logged decision to the collector', async () => {
  const collector = await startCollector();
  try {
    const ws = join(work, 'ws');
    mkdirSync(ws);
    const policy = join(work, 'policy.json');
    writeFileSync(policy, JSON.stringify({ export: { endpoint: collector.url } }));
    const env = {
      ...process.env,
      HOME: work,
      AIRLOCK_POLICY_FILE: policy,
      AIRLOCK_STATE_DIR: join(work, 'state'),
      AIRLOCK_RUNTIME_DIR: join(work, 'runtime'),
      XDG_RUNTIME_DIR: join(work, 'runtime'),
    };
    const payload = JSON.stringify({
      session_id: 'sess-w',
      prompt_id: 'pr-1',
      cwd: ws,
      permission_mode: 'default',
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'git push --force origin main' },
      tool_use_id: 'toolu_w',
    });
    // The hook runs in its own process (spawnSync here cannot serve the collector, so the worker's
    // first attempts may fail and back off: the queue keeps the event until the collector answers).
    const out = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', '..', 'src', 'cli', 'main.ts'), 'hook', 'claude'], {
      input: payload,
      env,
      encoding: 'utf8',
      cwd: join(__dirname, '..', '..', '..'),
    });
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /"permissionDecision":"ask"/);
    const dir = logDirFor(ws, env);
    for (let i = 0; i < 600 && !collector.records.some((r) => r.attributes['tool_use_id'] === 'toolu_w'); i++) await new Promise((r) => setTimeout(r, 100));
    const record = collector.records.find((r) => r.attributes['tool_use_id'] === 'toolu_w');
    assert.ok(record, `shipped by the worker (queue: ${listQueued(dir).length}, state: ${JSON.stringify(readState(dir))})`);
    assert.equal(record.attributes['session.id'], 'sess-w');
    assert.equal(record.attributes['prompt.id'], 'pr-1');
    assert.equal(record.attributes['airlock.decision'], 'ask');
    assert.equal(record.attributes['airlock.environment'], 'production');
  } finally {
    await collector.close();
  }
});
