import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { callKey } from '../../../src/core/hooks/call-once';
import { runHook } from '../../../src/core/hooks/run-hook';
import type { HookAgent } from '../../../src/core/hooks/types';
import type { ConfirmRequest, ConfirmResponse } from '../../../src/core/ipc/protocol';
import type { EditorAnswer } from '../../../src/core/ipc-client';
import { fakeAssess, PAYLOADS, ROOT } from './fixtures';

/** One editor shared by several hook processes: counts how often the person is asked. */
function editor(answer: 'allow' | 'deny', delayMs = 50) {
  const asked: ConfirmRequest[] = [];
  const ask = async (request: ConfirmRequest): Promise<EditorAnswer<ConfirmResponse>> => {
    asked.push(request);
    await new Promise((r) => setTimeout(r, delayMs));
    return { decision: answer, decidedBy: 'person', message: answer };
  };
  return { asked, ask };
}

function hook(
  agent: HookAgent,
  payload: unknown,
  dir: string,
  ask: (r: ConfirmRequest) => Promise<EditorAnswer<ConfirmResponse>>,
  loggedAllow: () => Promise<boolean> = async () => true,
) {
  return runHook({
    agent,
    cwd: ROOT,
    env: {},
    timeoutMs: 10_000,
    assess: fakeAssess,
    ask,
    once: dir,
    loggedAllow,
    readStdin: async () => JSON.stringify(payload),
    record: async () => {},
  });
}

const claudeCall = PAYLOADS.claude.shell('railway volume delete vol_1');

test('VS Code runs .claude/settings.json and .github/hooks for the same call: the person is asked once, both answer deny', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-once-'));
  try {
    const e = editor('deny');
    // VS Code sends the same payload to both hook files, at the same time.
    const [a, b] = await Promise.all([hook('claude', claudeCall, dir, e.ask), hook('vscode', claudeCall, dir, e.ask)]);
    assert.equal(e.asked.length, 1);
    for (const r of [a, b]) assert.equal(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision, 'deny');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an allow is reused only as "no opinion", and only when the log holds the person\'s allow', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-once-'));
  try {
    const e = editor('allow');
    const first = await hook('claude', claudeCall, dir, e.ask);
    assert.equal(JSON.parse(first.stdout).hookSpecificOutput.permissionDecision, 'allow');
    const duplicate = await hook('vscode', claudeCall, dir, e.ask, async () => true);
    assert.equal(e.asked.length, 1, 'not asked twice');
    assert.deepEqual([duplicate.exitCode, duplicate.stdout], [0, ''], "abstains: VS Code's own approval still applies, and the other hook carries the allow");
    const unlogged = await hook('vscode', claudeCall, dir, e.ask, async () => false);
    assert.equal(e.asked.length, 2, 'an allow the log does not show is asked again');
    assert.equal(JSON.parse(unlogged.stdout).hookSpecificOutput.permissionDecision, 'allow');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a record the agent forges never turns into an allow: "done/allow" without a logged allow asks; "allow" is never reused by agents that read silence as allow', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-once-'));
  try {
    const key = callKey('toolu_1', '');
    writeFileSync(join(dir, `${key}.json`), JSON.stringify({ state: 'done', pid: process.pid, time: Date.now(), decision: 'allow', decidedBy: 'person' }));
    const e = editor('deny');
    const r = await hook('claude', claudeCall, dir, e.ask, async () => false);
    assert.equal(e.asked.length, 1, 'the person is asked');
    assert.equal(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision, 'deny');
    // Windsurf reads exit 0 as allow: a forged allow record (even with a "logged" allow) is asked again.
    const ws = PAYLOADS.windsurf.shell('railway volume delete vol_1');
    const wsKey = callKey(undefined, JSON.stringify(ws));
    writeFileSync(join(dir, `${wsKey}.json`), JSON.stringify({ state: 'done', pid: process.pid, time: Date.now(), decision: 'allow', decidedBy: 'person' }));
    const w = await hook('windsurf', ws, dir, e.ask, async () => true);
    assert.equal(e.asked.length, 2);
    assert.equal(w.exitCode, 2);
    // A forged "pending" record of a process that is gone does not stall or skip the gate.
    const forgedPending = PAYLOADS.gemini.shell('railway volume delete vol_1');
    writeFileSync(
      join(dir, `${callKey(undefined, JSON.stringify(forgedPending))}.json`),
      JSON.stringify({ state: 'pending', pid: 999_999_999, time: Date.now() }),
    );
    const g = await hook('gemini', forgedPending, dir, e.ask);
    assert.equal(e.asked.length, 3);
    assert.equal(JSON.parse(g.stdout).decision, 'deny');
    // Garbage in the record is ignored, not trusted.
    const garbage = PAYLOADS.codex.shell('railway volume delete vol_1');
    writeFileSync(join(dir, `${callKey('call_1', '')}.json`), '{"state":"done","decision":"allow"');
    const c = await hook('codex', garbage, dir, e.ask);
    assert.equal(e.asked.length, 4);
    assert.equal(JSON.parse(c.stdout).hookSpecificOutput.permissionDecision, 'deny');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a forged deny only ever blocks; benign calls never touch the records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-once-'));
  try {
    writeFileSync(
      join(dir, `${callKey('toolu_1', '')}.json`),
      JSON.stringify({ state: 'done', pid: 1, time: Date.now(), decision: 'deny', decidedBy: 'person' }),
    );
    const e = editor('allow');
    const r = await hook('claude', claudeCall, dir, e.ask);
    assert.equal(e.asked.length, 0);
    assert.equal(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision, 'deny');
    const before = readdirSync(dir).length;
    const benign = await hook('claude', PAYLOADS.claude.shell('git status'), dir, e.ask);
    assert.equal(benign.stdout, '');
    assert.equal(readdirSync(dir).length, before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('different calls are decided separately, even with the same command', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-once-'));
  try {
    const e = editor('deny');
    const one = { ...(claudeCall as Record<string, unknown>), tool_use_id: 'toolu_A' };
    const two = { ...(claudeCall as Record<string, unknown>), tool_use_id: 'toolu_B' };
    await hook('claude', one, dir, e.ask);
    await hook('claude', two, dir, e.ask);
    assert.equal(e.asked.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
