// Issue 11, "locations are fixed by the editor, not by the command": in a guarded terminal,
// `XDG_CONFIG_HOME=/tmp/evil railway volume delete` (or HOME=…, AIRLOCK_RUNTIME_DIR=…,
// AIRLOCK_POLICY_FILE=…, `env …`, `export …; …`) made the gate read the attacker's policy and
// editor keys, and ask the attacker's "editor". The shim now hands the gate the editor's own
// locations (--fixed), and the gate reads Airlock's files only from there.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { answerMessage, NONCE_HEADER, registrationMessage, SIGNATURE_HEADER, signWith } from '../../../src/core/ipc/auth';
import { PROTOCOL_VERSION, type WindowRegistration } from '../../../src/core/ipc/protocol';
import { registrationPathForRoot, writePrivateFile } from '../../../src/core/ipc/registry';
import { fixedLocations, withFixedLocations } from '../../../src/core/protection/fixed-locations';
import { shellFrontFunction } from '../../../src/extension/terminal/prefilter-source';
import { shimLibrary, writeShimFolder } from '../../../src/extension/terminal/shim-folder';
import { sandbox, type Workspace } from '../principles/harness';

const root = resolve(__dirname, '../../..');

/** The attacker's world: a policy allowing everything, its own editor key pinned, its own signed registry entry and socket. */
async function evilWorld(w: Workspace): Promise<{ config: string; home: string; run: string; policy: string; server: Server; asked: string[] }> {
  const base = join(w.base, 'evil');
  const config = join(base, 'config');
  const home = join(base, 'home');
  const run = join(base, 'run');
  const policy = join(base, 'policy.json');
  for (const dir of [join(config, 'airlock'), join(home, '.config', 'airlock')]) mkdirSync(dir, { recursive: true });
  const allow = '{"allow":["railway *", "*"]}';
  writeFileSync(join(config, 'airlock', 'policy.json'), allow);
  writeFileSync(join(home, '.config', 'airlock', 'policy.json'), allow);
  writeFileSync(policy, allow);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const keys = JSON.stringify({ version: 1, keys: { 'Visual Studio Code': pub } });
  writeFileSync(join(config, 'airlock', 'editor-keys.json'), keys);
  writeFileSync(join(home, '.config', 'airlock', 'editor-keys.json'), keys);
  mkdirSync(run, { recursive: true, mode: 0o700 });
  const socket = join(run, 'w-evil.sock');
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      asked.push(req.url ?? '');
      const text = JSON.stringify({ ok: true, decision: 'allow', decidedBy: 'person', message: 'A person allowed this.' });
      res.writeHead(200, {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWith(privateKey, answerMessage(String(req.headers[NONCE_HEADER]), (req.url ?? '').split('?')[0]!, Buffer.concat(chunks), text)),
      });
      res.end(text);
    });
  });
  await new Promise<void>((r) => server.listen(socket, r));
  const unsigned = {
    protocol: PROTOCOL_VERSION,
    socket,
    secret: 's'.repeat(64),
    pid: process.pid,
    window: 'evil',
    roots: [w.ws],
    app: 'Visual Studio Code',
    updated: new Date().toISOString(),
    publicKey: pub,
  };
  const entry: WindowRegistration = { ...unsigned, signature: signWith(privateKey, registrationMessage(unsigned)) };
  for (const env of [{ AIRLOCK_RUNTIME_DIR: run }, { XDG_RUNTIME_DIR: join(base, 'xdg-run') }])
    writePrivateFile(registrationPathForRoot(w.ws, env), JSON.stringify(entry));
  return { config, home, run, policy, server, asked };
}

/** `airlock gate` as the shim calls it: with the editor's locations fixed, the command's own env otherwise. */
async function gate(w: Workspace, commandEnv: NodeJS.ProcessEnv, editorEnv: NodeJS.ProcessEnv = w.env): Promise<number> {
  const fixed = Object.entries(fixedLocations(editorEnv)).flatMap(([k, v]) => ['--fixed', `${k}=${v}`]);
  return runCli(['gate', '--tool', 'railway', '--cwd', w.ws, ...fixed, '--', 'volume', 'delete', 'vol_prod', '--yes'], {
    stdout: () => {},
    stderr: () => {},
    readStdin: async () => '',
    env: commandEnv,
    cwd: w.ws,
  });
}

describe("the command line cannot move Airlock's locations", () => {
  const cases: Array<[string, (e: Awaited<ReturnType<typeof evilWorld>>, w: Workspace) => NodeJS.ProcessEnv]> = [
    ['XDG_CONFIG_HOME=/tmp/evil railway volume delete', (e, w) => ({ ...w.env, XDG_CONFIG_HOME: e.config })],
    ['HOME=/tmp/evil railway volume delete', (e, w) => ({ ...w.env, HOME: e.home, XDG_CONFIG_HOME: undefined })],
    ['AIRLOCK_POLICY_FILE=./mine.json railway volume delete', (e, w) => ({ ...w.env, AIRLOCK_POLICY_FILE: e.policy })],
    [
      'AIRLOCK_RUNTIME_DIR=/tmp/evil XDG_CONFIG_HOME=/tmp/evil railway volume delete',
      (e, w) => ({ ...w.env, AIRLOCK_RUNTIME_DIR: e.run, XDG_CONFIG_HOME: e.config }),
    ],
    [
      'env XDG_RUNTIME_DIR=… HOME=… AIRLOCK_RUNTIME_DIR= railway …',
      (e, w) => ({ ...w.env, XDG_RUNTIME_DIR: join(e.run, '..', 'xdg-run'), HOME: e.home, XDG_CONFIG_HOME: undefined, AIRLOCK_RUNTIME_DIR: undefined }),
    ],
    [
      'export AIRLOCK_STATE_DIR=/tmp/evil AIRLOCK_RUNTIME_DIR=/tmp/evil; railway volume delete',
      (e, w) => ({ ...w.env, AIRLOCK_STATE_DIR: join(e.run, '..'), AIRLOCK_RUNTIME_DIR: e.run, XDG_CONFIG_HOME: e.config }),
    ],
  ];
  // Most editors run with no XDG_CONFIG_HOME at all: Airlock's config is then under the editor's HOME.
  test('HOME=/tmp/evil railway volume delete, the editor having no XDG_CONFIG_HOME', async () => {
    const w = sandbox('airlock-fixed-');
    const evil = await evilWorld(w);
    const editorEnv = { ...w.env, XDG_CONFIG_HOME: undefined, AIRLOCK_RUNTIME_DIR: undefined, XDG_RUNTIME_DIR: join(w.base, 'xdg-run') };
    try {
      for (const command of [
        { ...editorEnv, HOME: evil.home },
        { ...editorEnv, HOME: evil.home, XDG_RUNTIME_DIR: join(evil.run, '..', 'xdg-run') },
        { ...editorEnv, HOME: evil.home, TMPDIR: join(evil.run, '..'), XDG_RUNTIME_DIR: undefined },
      ]) {
        assert.equal(await gate(w, command, editorEnv), 126);
      }
      assert.deepEqual(evil.asked, []);
    } finally {
      await new Promise((r) => evil.server.close(r));
      w.dispose();
    }
  });

  for (const [name, envOf] of cases) {
    test(name, async () => {
      const w = sandbox('airlock-fixed-');
      const evil = await evilWorld(w);
      try {
        assert.equal(await gate(w, envOf(evil, w)), 126, "blocked: no editor of the user's is open");
        assert.deepEqual(evil.asked, [], 'the attacker\'s "editor" was never asked');
        assert.ok(!existsSync(join(evil.run, '..', 'logs')), "nothing was logged into the attacker's folders");
      } finally {
        await new Promise((r) => evil.server.close(r));
        w.dispose();
      }
    });
  }
});

test("withFixedLocations replaces every location variable and keeps the tool's own", () => {
  const env = withFixedLocations(
    { HOME: '/tmp/evil', XDG_CONFIG_HOME: '/tmp/evil', AIRLOCK_RUNTIME_DIR: '/tmp/x', AIRLOCK_WINDOW: '/w', RAILWAY_ENVIRONMENT: 'production', PATH: '/bin' },
    { HOME: '/home/u', XDG_CONFIG_HOME: '' },
  );
  assert.deepEqual(env, { HOME: '/home/u', AIRLOCK_WINDOW: '/w', RAILWAY_ENVIRONMENT: 'production', PATH: '/bin' });
});

describe("the shim passes the editor's locations and its fast path reads the editor's policy path", () => {
  test('the gate call carries --fixed, quoted', () => {
    const library = shimLibrary('/opt/airlock', undefined, { HOME: "/home/o'brien", XDG_CONFIG_HOME: '' });
    assert.match(library, /gate --tool "\$airlock_tool" --cwd "\$PWD" --fixed 'HOME=\/home\/o'\\''brien' --fixed 'XDG_CONFIG_HOME=' -- "\$@"/);
  });

  test("a line with no trigger word goes to the full check when the editor's policy exists, whatever XDG_CONFIG_HOME the command sets", {
    skip: process.platform === 'win32',
  }, () => {
    const w = sandbox('airlock-fixed-front-');
    try {
      const policy = join(w.base, 'config', 'airlock', 'policy.json');
      mkdirSync(join(w.base, 'config', 'airlock'), { recursive: true });
      writeFileSync(policy, '{"deny":["mytool *"]}');
      const front = shellFrontFunction(['railway'], policy);
      for (const evil of ['/nonexistent', w.base]) {
        const r = spawnSync(
          'sh',
          ['-c', `${front}\nairlock_needs_full_check() { return 0; }\nif airlock_needs_check 'mytool purge'; then echo full; else echo fast; fi`],
          { encoding: 'utf8', env: { PATH: process.env.PATH, XDG_CONFIG_HOME: evil, HOME: evil } },
        );
        assert.equal(r.stdout.trim(), 'full', `XDG_CONFIG_HOME=${evil}`);
      }
    } finally {
      w.dispose();
    }
  });

  test('end to end: a real shim in a terminal whose command sets XDG_CONFIG_HOME still blocks', { skip: process.platform === 'win32' }, async () => {
    const w = sandbox('airlock-fixed-shim-');
    const evil = await evilWorld(w);
    try {
      const bin = join(w.base, 'bin');
      const shims = join(w.base, 'shims');
      mkdirSync(bin);
      const ran = join(w.base, 'ran.txt');
      writeFileSync(join(bin, 'railway'), `#!/bin/sh\necho ran >> '${ran}'\n`, { mode: 0o755 });
      const launcher = join(w.base, 'airlock');
      writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' --import tsx '${join(root, 'src/cli/main.ts')}' "$@"\n`, { mode: 0o755 });
      writeShimFolder(shims, ['railway'], launcher, undefined, { ...fixedLocations(w.env), XDG_CONFIG_HOME: '' });
      for (const extra of [
        { XDG_CONFIG_HOME: evil.config, AIRLOCK_RUNTIME_DIR: evil.run },
        { HOME: evil.home, XDG_CONFIG_HOME: '', AIRLOCK_RUNTIME_DIR: evil.run },
        { HOME: evil.home },
      ]) {
        const r = spawnSync(join(shims, 'railway'), ['volume', 'delete', 'vol_prod', '--yes'], {
          encoding: 'utf8',
          cwd: root,
          env: { ...w.env, ...extra, PATH: `${shims}:${bin}:${process.env.PATH}` },
          timeout: 60_000,
        });
        assert.equal(r.status, 126, r.stderr);
      }
      assert.ok(!existsSync(ran), 'the real railway never ran');
      assert.deepEqual(evil.asked, []);
      void readFileSync;
    } finally {
      await new Promise((r) => evil.server.close(r));
      w.dispose();
    }
  });
});
