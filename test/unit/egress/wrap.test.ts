import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type AvailabilityProbe, checkSandbox } from '../../../src/core/egress/availability';
import { egressHookAnswer, readEgressHookConfig } from '../../../src/core/egress/hook-wrap';
import { hostVerdict, proxySideOfStack } from '../../../src/core/egress/host-policy';
import { providerHostPatterns } from '../../../src/core/egress/providers';
import { isWrapped, wrapCommand } from '../../../src/core/egress/wrap';
import type { HookCall, HookVerdict } from '../../../src/core/hooks/types';

const AIRLOCK = '/home/me/.config/Code/User/globalStorage/airlock-dev.airlock/bin/airlock';

test('wrapping is quoting-safe: bash inside runs exactly the original line', () => {
  const tricky = [
    `curl -d '{"a":"b"}' https://x/ && echo "it's $HOME" \`date\``,
    "printf '%s\\n' 'a'\\''b' | cat",
    'echo one\necho two',
    'echo $((1+2)) ; false || echo "fallback"',
  ];
  for (const line of tricky) {
    const wrapped = wrapCommand(line, { airlock: AIRLOCK, requester: 'claude' });
    const m = /^\S+ run --requester claude -c (.*)$/s.exec(wrapped);
    assert.ok(m, wrapped);
    // The -c argument, as a shell reads it back, is the original line byte for byte.
    const read = spawnSync('bash', ['-c', `printf '%s' ${m[1]}`], { encoding: 'utf8' });
    assert.equal(read.stdout, line);
  }
});

test('wrapping is idempotent and never wraps twice; a look-alike airlock is wrapped', () => {
  const once = wrapCommand('git status', { airlock: AIRLOCK });
  assert.equal(once, `${AIRLOCK} run -c 'git status'`);
  assert.equal(wrapCommand(once, { airlock: AIRLOCK }), once);
  assert.ok(isWrapped(once, AIRLOCK));
  const spaced = '/home/me/My Editor/bin/airlock';
  const twice = wrapCommand(wrapCommand('ls', { airlock: spaced }), { airlock: spaced });
  assert.equal(twice, `'${spaced}' run -c ls`);
  // Ways around: an agent-written airlock elsewhere, one with extra words before it, an empty line.
  assert.notEqual(wrapCommand('/tmp/x/airlock run -c "curl ..."', { airlock: AIRLOCK }), '/tmp/x/airlock run -c "curl ..."');
  assert.notEqual(wrapCommand(`X=1 ${AIRLOCK} run -c ls`, { airlock: AIRLOCK }), `X=1 ${AIRLOCK} run -c ls`);
  assert.equal(wrapCommand('   ', { airlock: AIRLOCK }), '   ');
});

const call = (command: string): HookCall => ({ agent: 'claude', event: 'PreToolUse', kind: 'command', command, cwd: '/nonexistent-ws', roots: [] });
const payload = (command: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: '/nonexistent-ws', tool_input: { command, description: 'd', ...extra } });
const allow: HookVerdict = { decision: 'allow', decidedBy: 'rules', userMessage: '', agentMessage: '' };
const config = { wrap: true, airlock: AIRLOCK };

test('Claude Code hook answers: benign calls get updatedInput and no permission decision; asks stay asks; denies are not rewritten', () => {
  const benign = egressHookAnswer('claude', payload('npm test'), call('npm test'), allow, { stdout: '', stderr: '', exitCode: 0 }, config, undefined);
  const body = JSON.parse(benign.stdout);
  assert.deepEqual(body, {
    hookSpecificOutput: { hookEventName: 'PreToolUse', updatedInput: { command: `${AIRLOCK} run --requester claude -c 'npm test'`, description: 'd' } },
  });
  const askOut = {
    stdout: `${JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'ask', permissionDecisionReason: 'r' } })}\n`,
    stderr: '',
    exitCode: 0,
  };
  const asked = JSON.parse(
    egressHookAnswer('claude', payload('python3 s.py'), call('python3 s.py'), { ...allow, decision: 'ask', decidedBy: 'no-editor' }, askOut, config, undefined)
      .stdout,
  );
  assert.equal(asked.hookSpecificOutput.permissionDecision, 'ask');
  assert.match(asked.hookSpecificOutput.updatedInput.command, / run --requester claude -c /);
  const denyOut = { stdout: '{"hookSpecificOutput":{"permissionDecision":"deny"}}\n', stderr: '', exitCode: 0 };
  assert.equal(egressHookAnswer('claude', payload('rm -rf /'), call('rm -rf /'), { ...allow, decision: 'deny' }, denyOut, config, undefined), denyOut);
  // Off without the editor's file; Cursor's beforeShellExecution cannot rewrite; a read is no command.
  const plain = { stdout: '', stderr: '', exitCode: 0 };
  assert.equal(egressHookAnswer('claude', payload('npm test'), call('npm test'), allow, plain, undefined, undefined), plain);
  assert.equal(egressHookAnswer('cursor', payload('npm test'), { ...call('npm test'), agent: 'cursor' }, allow, plain, config, undefined), plain);
  assert.equal(egressHookAnswer('claude', payload('x'), { ...call('x'), kind: 'read' }, allow, plain, config, undefined), plain);
});

test('an agent running its own sandbox is left to it; a call outside that sandbox is wrapped', () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-wrap-'));
  try {
    const ws = join(base, 'ws');
    mkdirSync(join(ws, '.claude'), { recursive: true });
    writeFileSync(join(ws, '.claude', 'settings.json'), '{ // jsonc\n "sandbox": { "enabled": true } }');
    const c = { ...call('npm test'), cwd: ws };
    const p = (extra: Record<string, unknown> = {}) =>
      JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: ws, tool_input: { command: 'npm test', ...extra } });
    const plain = { stdout: '', stderr: '', exitCode: 0 };
    assert.equal(egressHookAnswer('claude', p(), c, allow, plain, config, join(base, 'home')), plain);
    assert.notEqual(egressHookAnswer('claude', p({ dangerouslyDisableSandbox: true }), c, allow, plain, config, join(base, 'home')).stdout, '');
    writeFileSync(join(ws, '.claude', 'settings.local.json'), '{"sandbox":{"enabled":false}}');
    assert.notEqual(egressHookAnswer('claude', p(), c, allow, plain, config, join(base, 'home')).stdout, '', 'the local settings turned it off');
    // The editor's switch: only `wrap: true` beside an installed launcher turns wrapping on.
    const bin = join(base, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'airlock.js'), '');
    writeFileSync(join(bin, 'egress.json'), '{"wrap":true}');
    assert.equal(readEgressHookConfig(join(bin, 'airlock.js')), undefined, 'no launcher beside the CLI');
    writeFileSync(join(bin, 'airlock'), '#!/bin/sh\n');
    assert.deepEqual(readEgressHookConfig(join(bin, 'airlock.js')), { wrap: true, airlock: join(bin, 'airlock') });
    writeFileSync(join(bin, 'egress.json'), '{"wrap":"yes"}');
    assert.equal(readEgressHookConfig(join(bin, 'airlock.js')), undefined);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('host policy: providers only through the HTTPS proxy, decrypted; other hosts opaque; raw tunnels to web ports on addresses refused', () => {
  assert.deepEqual(hostVerdict('backboard.railway.app', 443, 'http'), { allow: true, terminate: true });
  assert.equal(hostVerdict('backboard.railway.app', 443, 'socks').allow, false);
  assert.equal(hostVerdict('backboard.railway.app', 443, 'unknown').allow, false, 'a side the gate cannot tell is not a way in');
  assert.equal(hostVerdict('api.heroku.com', 80, 'http').allow, false);
  assert.deepEqual(hostVerdict('registry.npmjs.org', 443, 'http'), { allow: true, terminate: false });
  assert.deepEqual(hostVerdict('github.com', 443, 'http'), { allow: true, terminate: false }, 'git traffic is not decrypted');
  assert.deepEqual(hostVerdict('api.github.com', 443, 'http'), { allow: true, terminate: true });
  assert.deepEqual(hostVerdict('203.0.113.9', 443, 'http'), { allow: true, terminate: true });
  assert.equal(hostVerdict('203.0.113.9', 443, 'socks').allow, false);
  assert.deepEqual(hostVerdict('203.0.113.9', 5432, 'socks'), { allow: true, terminate: true });
  assert.equal(proxySideOfStack('at x (/n/sandbox-runtime/dist/sandbox/socks-proxy.js:48:1)'), 'socks');
  assert.equal(proxySideOfStack('at x (/n/sandbox-runtime/src/sandbox/http-proxy.ts:715:37)'), 'http');
  assert.equal(proxySideOfStack('at x (/elsewhere.js:1:1)'), 'unknown');
  const patterns = providerHostPatterns();
  for (const p of [
    'backboard.railway.app',
    '*.railway.app',
    '*.amazonaws.com',
    '*.googleapis.com',
    'management.azure.com',
    'api.github.com',
    '*.fly.io',
    'api.heroku.com',
    '*.supabase.co',
    '*.neon.tech',
    '*.digitalocean.com',
    '*.cloudflare.com',
    '*.vercel.com',
    '*.netlify.com',
    '*.render.com',
    '*.planetscale.com',
  ]) {
    assert.ok(
      patterns.some((q) => q === p || (q.startsWith('*.') && (p === q || p.endsWith(q.slice(1))))),
      `${p} is not judged`,
    );
  }
  assert.ok(!patterns.includes('github.com') && !patterns.includes('*.github.com'));
});

test('availability says the exact fix for each missing piece', () => {
  const probe = (over: Partial<AvailabilityProbe>): AvailabilityProbe => ({
    platform: 'linux',
    has: () => true,
    tryNamespaces: () => undefined,
    readSysctl: () => undefined,
    ...over,
  });
  assert.deepEqual(checkSandbox(probe({})), { available: true, platform: 'linux' });
  assert.match((checkSandbox(probe({ has: (p) => p !== 'bwrap' })) as { fix: string }).fix, /apt-get install -y bubblewrap/);
  assert.match((checkSandbox(probe({ has: (p) => p !== 'socat' })) as { fix: string }).fix, /apt-get install -y socat/);
  const userns = checkSandbox(
    probe({
      tryNamespaces: () => 'setting up uid map: Permission denied',
      readSysctl: (p) => (p.endsWith('apparmor_restrict_unprivileged_userns') ? '1' : undefined),
    }),
  );
  assert.match((userns as { problem: string }).problem, /user namespaces/);
  assert.match((userns as { fix: string }).fix, /kernel\.apparmor_restrict_unprivileged_userns=0/);
  assert.match(
    (
      checkSandbox(probe({ tryNamespaces: () => 'No permissions', readSysctl: (p) => (p.endsWith('max_user_namespaces') ? '0' : undefined) })) as {
        fix: string;
      }
    ).fix,
    /user\.max_user_namespaces/,
  );
  assert.equal(checkSandbox(probe({ platform: 'win32' })).available, false);
});
