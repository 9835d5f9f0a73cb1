/**
 * Principle: nothing decided is lost. When a hook answers with no editor reachable, its decision
 * is already in the workspace log when the answer's first byte arrives (read from disk at that
 * moment), many hook processes at once lose nothing, `airlock log --verify` passes on the result
 * and fails once a line is edited.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { answerDecision, builtProduct, cli, HANG_MS, payload, readTree, sandbox } from './harness';

let built: { cli: string; launcher: string };
before(async () => {
  built = await builtProduct();
});

/** The events in a snapshot of the state folder (the log's JSON lines; other files skipped). */
function eventsIn(snapshot: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const line of snapshot.split('\n')) {
    if (!line.startsWith('{"')) continue;
    try {
      const parsed = JSON.parse(line);
      out.push(parsed.event ?? parsed);
    } catch {
      /* not a log line */
    }
  }
  return out;
}

const DECISIONS: Array<{ agent: 'claude' | 'cursor' | 'vscode'; command: string }> = [
  { agent: 'claude', command: 'railway volume delete vol_prod' },
  { agent: 'cursor', command: 'terraform destroy -auto-approve' },
  { agent: 'vscode', command: 'kubectl delete namespace payments' },
  { agent: 'claude', command: 'rm -rf ~' },
  { agent: 'cursor', command: "psql -h prod-db.internal -c 'drop table bookings'" },
];

/** Runs the launcher and, the moment its answer starts arriving, snapshots the log on disk. */
function runAndSnapshot(
  file: string,
  args: string[],
  stdin: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  logRoot: string,
  guardMs = HANG_MS,
): Promise<{ stdout: string; code: number | null; logAtAnswer: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let logAtAnswer: string | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('hook hung'));
    }, guardMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (logAtAnswer === undefined) logAtAnswer = readTree(logRoot); // synchronously, before anything else runs
      stdout += chunk;
    });
    child.stderr.resume();
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, code, logAtAnswer: logAtAnswer ?? '' });
    });
    child.stdin.end(stdin);
  });
}

test('each no-editor decision is on disk before its answer reaches the agent', async () => {
  const w = sandbox();
  try {
    for (const { agent, command } of DECISIONS) {
      const r = await runAndSnapshot(built.launcher, ['hook', agent], payload[agent](w.ws, command), w.ws, w.env, w.state);
      const decision = answerDecision(agent, r.stdout);
      assert.match(decision, /^(ask|deny)$/, `${agent} ${command}: ${r.stdout}`);
      const logged: any = eventsIn(r.logAtAnswer).find((e) => e.command === command && e.actor === (agent === 'vscode' ? 'copilot' : agent));
      assert.ok(logged, `"${command}" was not in the log when ${agent} got its answer:\n${r.logAtAnswer.slice(-1500)}`);
      assert.equal(logged.decision, decision, 'the log says what the agent was told');
      // No editor could be asked; an outright deny by the rules (rm -rf ~) is the policy's.
      assert.ok(['no-editor', 'policy'].includes(logged.decidedBy), logged.decidedBy);
    }
    const verify = await cli(['log', '--verify', '--workspace', w.ws], { cwd: w.ws, env: w.env });
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /intact: 5 lines/);
  } finally {
    w.dispose();
  }
});

test('a protected file an agent reads is logged too, by the hook itself when no editor is up', async () => {
  const w = sandbox();
  try {
    writeFileSync(join(w.ws, '.env'), 'RAILWAY_TOKEN=6f3c9a2e-8b4d-4e71-a5c0-9d2b7e1f4c83\n');
    writeFileSync(join(w.ws, 'README.md'), '# app\n');
    for (const [agent, body] of [
      ['claude', payload.claudeRead(w.ws, join(w.ws, '.env'))],
      ['cursor', payload.cursorRead(w.ws, join(w.ws, 'README.md'))],
    ] as const) {
      const r = await runAndSnapshot(process.execPath, [built.cli, 'hook', agent], body, w.ws, w.env, w.state);
      assert.equal(r.code, 0);
      const file = JSON.parse(body).file_path ?? JSON.parse(body).tool_input.file_path;
      assert.ok(
        eventsIn(r.logAtAnswer).some((e) => e.file === file && e.kind === 'file-read'),
        `${file} read not logged before the answer`,
      );
    }
  } finally {
    w.dispose();
  }
});

test('ten hook processes at once: every decision logged, the chain intact; an edited line breaks --verify', async () => {
  const w = sandbox();
  try {
    // Ten node processes on a shared two-core machine: the guard is for hangs (a lock never released), not speed.
    const runs = Array.from({ length: 10 }, (_, i) => {
      const { agent, command } = DECISIONS[i % DECISIONS.length]!;
      return runAndSnapshot(process.execPath, [built.cli, 'hook', agent], payload[agent](w.ws, `${command} # ${i}`), w.ws, w.env, w.state, HANG_MS * 4);
    });
    const results = await Promise.all(runs);
    for (const r of results) assert.match(r.stdout, /"(deny|ask)"/);
    const log = await cli(['log', '--json', '--workspace', w.ws], { cwd: w.ws, env: w.env });
    assert.equal(log.code, 0, log.stderr);
    const events = log.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (let i = 0; i < 10; i++)
      assert.ok(
        events.some((e) => typeof e.command === 'string' && e.command.endsWith(`# ${i}`)),
        `decision ${i} lost`,
      );
    assert.equal(events.length, 10);
    const verify = await cli(['log', '--verify', '--workspace', w.ws], { cwd: w.ws, env: w.env });
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);

    // Quietly turning a deny into an allow on disk is caught.
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const n of readdirSync(dir)) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.jsonl')) files.push(p);
      }
    };
    walk(w.state);
    assert.ok(files.length > 0, 'the log is a .jsonl file under the state folder');
    const text = readFileSync(files[0]!, 'utf8');
    assert.match(text, /"decision":"deny"/);
    writeFileSync(files[0]!, text.replace('"decision":"deny"', '"decision":"allow"'));
    const broken = await cli(['log', '--verify', '--workspace', w.ws], { cwd: w.ws, env: w.env });
    assert.equal(broken.code, 1, broken.stdout + broken.stderr);
    // Lines forged at the end are never shown as events, and both readers say so.
    writeFileSync(files[0]!, text);
    appendFileSync(files[0]!, '{"seq":11,"decision":"allow","command":"railway volume delete vol_prod"}\n\0\0garbage\n');
    // Complete lines (ending in a newline) are never a power-loss tear: the chain is broken there.
    const tail = await cli(['log', '--verify', '--workspace', w.ws], { cwd: w.ws, env: w.env });
    assert.equal(tail.code, 1, tail.stdout + tail.stderr);
    assert.match(tail.stdout, /BROKEN: line 11 of activity\.jsonl/, tail.stdout + tail.stderr);
    const read = await cli(['log', '--json', '--workspace', w.ws], { cwd: w.ws, env: w.env });
    assert.equal(read.code, 0, read.stderr);
    assert.match(read.stderr, /could not be read/);
    assert.equal(read.stdout.trim().split('\n').length, 10, 'the forged allow is not shown as an event');
    assert.doesNotMatch(read.stdout, /"decision":"allow"/);
  } finally {
    w.dispose();
  }
});

test('when the log cannot be written the answer still goes out, and it is not allow', async () => {
  const w = sandbox();
  try {
    const env = { ...w.env, AIRLOCK_STATE_DIR: join(w.ws, 'README.md', 'state') };
    writeFileSync(join(w.ws, 'README.md'), '# a file where the state folder should be\n');
    for (const { agent, command } of DECISIONS) {
      const r = await runAndSnapshot(process.execPath, [built.cli, 'hook', agent], payload[agent](w.ws, command), w.ws, env, w.state);
      assert.equal(r.code, 0);
      assert.match(answerDecision(agent, r.stdout), /^(ask|deny)$/, `${agent} ${command}`);
    }
  } finally {
    w.dispose();
  }
});
