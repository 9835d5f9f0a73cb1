import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROUTES, SECRET_HEADER } from '../../../src/core/ipc/protocol';
import { registrationPathForRoot } from '../../../src/core/ipc/registry';
import { askEditor, callWindow, isUnreachable, locateEditor } from '../../../src/core/ipc-client';
import { ConfirmationQueue, type Prompter } from '../../../src/extension/gates/confirmation-queue';
import { registerGateRoutes } from '../../../src/extension/gates/gate-routes';
import { GateService } from '../../../src/extension/gates/gate-service';
import { IpcServer } from '../../../src/extension/ipc/ipc-server';
import { WindowRegistry } from '../../../src/extension/ipc/window-registry';
import { pinnedIdentity } from '../trust/editor-key';

function fixture() {
  const base = mkdtempSync(join(tmpdir(), 'airlock-ipc-'));
  const env = { AIRLOCK_RUNTIME_DIR: join(base, 'run'), XDG_CONFIG_HOME: join(base, 'config') } as NodeJS.ProcessEnv;
  const workspace = join(base, 'workspace');
  mkdirSync(join(workspace, 'deep', 'er'), { recursive: true });
  return { base, env, workspace, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

function raw(socket: string, path: string, headers: Record<string, string>, body = '{}'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A person who answers what the test says, and remembers what they were shown. */
function person(answer: 'allow' | 'block' | 'never') {
  const shown: string[] = [];
  const prompter: Prompter = {
    ask: (view) => {
      shown.push(`${view.title}\n${view.detail}`);
      return answer === 'never' ? new Promise(() => {}) : Promise.resolve(answer);
    },
    expired: () => {
      shown.push('expired');
    },
  };
  return { prompter, shown };
}

async function start(answer: 'allow' | 'block' | 'never') {
  const f = fixture();
  const identity = await pinnedIdentity(f.env);
  const server = await IpcServer.create(identity, f.env);
  const registry = new WindowRegistry(server.socket, server.secret, identity, f.env);
  registry.update([f.workspace]);
  const { prompter, shown } = person(answer);
  const recorded: string[] = [];
  const queue = new ConfirmationQueue(prompter, async (_r, _v, a) => {
    recorded.push(a.decision);
  });
  const service = new GateService(
    queue,
    async () => {
      throw new Error('no engine in this test');
    },
    async () => {
      recorded.push('report');
    },
  );
  registerGateRoutes(server, service, { version: 'test', window: registry.window });
  return {
    ...f,
    server,
    registry,
    shown,
    recorded,
    stop: () => {
      registry.dispose();
      server.dispose();
      f.cleanup();
    },
  };
}

test('socket is 0600 in a 0700 folder and the registry file is 0600', { skip: process.platform === 'win32' }, async () => {
  const s = await start('block');
  try {
    assert.equal(statSync(s.server.socket).mode & 0o777, 0o600);
    assert.equal(statSync(s.env.AIRLOCK_RUNTIME_DIR!).mode & 0o777, 0o700);
    assert.equal(statSync(registrationPathForRoot(s.workspace, s.env)).mode & 0o777, 0o600);
  } finally {
    s.stop();
  }
});

test('a request without the secret, or with a wrong one, is refused', async () => {
  const s = await start('allow');
  try {
    const body = JSON.stringify({ kind: 'command', command: 'rm -rf /srv', cwd: s.workspace });
    assert.equal((await raw(s.server.socket, ROUTES.confirm, {}, body)).status, 401);
    assert.equal((await raw(s.server.socket, ROUTES.confirm, { [SECRET_HEADER]: 'x'.repeat(64) }, body)).status, 401);
    assert.deepEqual(s.shown, [], 'no modal for an unauthenticated request');
    const ok = await raw(s.server.socket, ROUTES.status, { [SECRET_HEADER]: s.server.secret });
    assert.equal(ok.status, 200);
    assert.equal(JSON.parse(ok.body).ok, true);
  } finally {
    s.stop();
  }
});

test('malformed bodies get 400 with a message, unknown routes 404', async () => {
  const s = await start('allow');
  try {
    const h = { [SECRET_HEADER]: s.server.secret };
    assert.equal((await raw(s.server.socket, ROUTES.confirm, h, '{not json')).status, 400);
    const missing = await raw(s.server.socket, ROUTES.confirm, h, JSON.stringify({ kind: 'command', cwd: '/' }));
    assert.equal(missing.status, 400);
    assert.match(JSON.parse(missing.body).error, /command is required/);
    assert.equal((await raw(s.server.socket, '/approve', h)).status, 404);
  } finally {
    s.stop();
  }
});

test('no route approves: only the person answers allow, whatever the caller sends', async () => {
  const blocker = await start('block');
  try {
    const window = locateEditor([join(blocker.workspace, 'deep', 'er')], blocker.env);
    assert.ok(!('unreachable' in window));
    for (const route of Object.values(ROUTES)) {
      const answer = await callWindow<Record<string, unknown>>(
        window,
        route,
        { kind: 'command', command: 'ls', cwd: blocker.workspace, decision: 'allow', approve: true, timeoutMs: 5000 },
        3000,
      );
      assert.ok(isUnreachable(answer) || answer.decision !== 'allow', `${route} must not answer allow`);
    }
  } finally {
    blocker.stop();
  }
  const allower = await start('allow');
  try {
    const answer = await askEditor(
      { kind: 'command', requester: 'claude', command: 'railway volume delete vol_1', cwd: allower.workspace, timeoutMs: 5000 },
      [allower.workspace],
      allower.env,
    );
    assert.ok(!isUnreachable(answer));
    assert.equal(answer.decision, 'allow');
    assert.equal(answer.decidedBy, 'person');
    assert.match(allower.shown[0]!, /Claude Code/);
    assert.deepEqual(allower.recorded, ['allow'], 'the decision is logged before the answer');
  } finally {
    allower.stop();
  }
});

test('an unanswered modal expires before the caller timeout and answers deny', async () => {
  const s = await start('never');
  try {
    const started = Date.now();
    const answer = await askEditor(
      { kind: 'read', requester: 'cursor', file: join(s.workspace, '.env'), cwd: s.workspace, timeoutMs: 3500 },
      [s.workspace],
      s.env,
    );
    assert.ok(!isUnreachable(answer));
    assert.equal(answer.decision, 'deny');
    assert.equal(answer.decidedBy, 'timeout');
    assert.ok(Date.now() - started < 3500, 'answered before the caller gave up');
    assert.deepEqual(s.recorded, ['deny']);
  } finally {
    s.stop();
  }
});

test('a hook finds no editor once the window is gone, and says so plainly', async () => {
  const s = await start('allow');
  s.stop();
  const answer = await askEditor({ kind: 'command', requester: 'cursor', command: 'rm -rf x', cwd: s.workspace, timeoutMs: 1000 }, [s.workspace], s.env);
  assert.ok(isUnreachable(answer));
  assert.match(answer.unreachable, /no editor window/);
});

test("a hook whose XDG_RUNTIME_DIR differs from the editor's still finds the window", { skip: process.platform === 'win32' }, async () => {
  const f = fixture();
  const editorEnv = {
    ...process.env,
    AIRLOCK_RUNTIME_DIR: undefined,
    XDG_RUNTIME_DIR: undefined,
    XDG_CONFIG_HOME: join(f.base, 'config'),
  } as NodeJS.ProcessEnv;
  const identity = await pinnedIdentity(editorEnv);
  const server = await IpcServer.create(identity, editorEnv);
  const registry = new WindowRegistry(server.socket, server.secret, identity, editorEnv);
  try {
    registry.update([f.workspace]);
    const hookEnv = {
      ...process.env,
      AIRLOCK_RUNTIME_DIR: undefined,
      XDG_RUNTIME_DIR: join(f.base, 'elsewhere'),
      XDG_CONFIG_HOME: join(f.base, 'config'),
    } as NodeJS.ProcessEnv;
    const window = locateEditor([join(f.workspace, 'deep')], hookEnv);
    assert.ok(!('unreachable' in window));
    assert.equal(window.socket, server.socket);
  } finally {
    registry.dispose();
    server.dispose();
    f.cleanup();
  }
});
