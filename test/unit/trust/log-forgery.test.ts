// Issue 11, "a record nobody can quietly rewrite": with a plain SHA-256 chain, deleting events,
// appending fake "allowed by person" events and re-hashing passed `airlock log --verify`, even
// with --anchor; truncating to 3 lines passed too. The editor's lines now carry an HMAC under a
// key only the editor holds (SecretStorage), and the latest head is kept outside the log.

import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { answerMessage, NONCE_HEADER, registrationMessage, SIGNATURE_HEADER, signWith } from '../../../src/core/ipc/auth';
import { PROTOCOL_VERSION } from '../../../src/core/ipc/protocol';
import { registrationPathForRoot, writePrivateFile } from '../../../src/core/ipc/registry';
import { ActivityLog } from '../../../src/core/log/activity-log';
import { completeEvent } from '../../../src/core/log/event-factory';
import { headPath, readHeadRecord } from '../../../src/core/log/head';
import { newLogKey } from '../../../src/core/log/key';
import { GENESIS, sha256 } from '../../../src/core/log/line';
import { defaultLogDir, registerLogDir } from '../../../src/core/log/location';
import { type ChainAnchor, verifyLog, verifyLogAsync } from '../../../src/core/log/verify';
import { IpcServer } from '../../../src/extension/ipc/ipc-server';
import { registerLogVerifyRoute } from '../../../src/extension/ipc/log-verify-route';
import { WindowRegistry } from '../../../src/extension/ipc/window-registry';
import { sandbox, type Workspace } from '../principles/harness';
import { pinnedIdentity } from './editor-key';

interface Setup {
  w: Workspace;
  dir: string;
  key: Buffer;
  anchor: ChainAnchor;
  dispose(): void;
}

/** A workspace whose log the editor wrote (keyed), ten decisions long. */
async function editorLog(): Promise<Setup> {
  const w = sandbox('airlock-forgery-');
  const dir = await registerLogDir(w.ws, defaultLogDir(w.ws, w.env), w.env);
  const key = newLogKey();
  const log = new ActivityLog(dir, { key });
  let anchor: ChainAnchor = { seq: 0, hash: GENESIS };
  for (let i = 1; i <= 10; i++) {
    const written = await log.append(
      completeEvent({
        kind: 'decision',
        actor: 'claude',
        command: i === 4 ? 'railway volume delete vol_prod' : `echo ${i}`,
        cwd: w.ws,
        decision: i === 4 ? 'deny' : 'allow',
        decidedBy: i === 4 ? 'person' : 'rules',
      }),
    );
    anchor = { seq: written.seq, hash: written.hash };
  }
  return { w, dir, key, anchor, dispose: () => w.dispose() };
}

/** The editor, answering `airlock log --verify` with its key and the anchor it remembers. */
async function withEditor<T>(s: Setup, body: () => Promise<T>): Promise<T> {
  const identity = await pinnedIdentity(s.w.env);
  const server = await IpcServer.create(identity, s.w.env);
  const registry = new WindowRegistry(server.socket, server.secret, identity, s.w.env);
  registry.update([s.w.ws]);
  registerLogVerifyRoute(server, async (dir, anchor) => {
    if (dir !== s.dir) return undefined;
    const own = await verifyLogAsync(dir, s.anchor, undefined, { key: s.key });
    return !own.ok || !anchor ? own : verifyLogAsync(dir, anchor, undefined, { key: s.key });
  });
  try {
    return await body();
  } finally {
    registry.dispose();
    server.dispose();
  }
}

async function verifyCli(s: Setup, extra: string[] = []): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(['log', '--verify', ...extra], {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      out += t;
    },
    readStdin: async () => '',
    env: s.w.env,
    cwd: s.w.ws,
  });
  return { code, out };
}

const active = (s: Setup) => join(s.dir, 'activity.jsonl');
const events = (s: Setup) =>
  readFileSync(active(s), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { seq: number; event: Record<string, unknown>; mac?: string; hash: string });

/** Re-chains events with fresh SHA-256 hashes, as the issue's forger did; `mac` says what to put in each line's MAC field. */
function rehash(
  list: Array<Record<string, unknown>>,
  mac: 'strip' | 'bogus' | 'copied',
  copiedFrom?: string,
): { text: string; head: { seq: number; hash: string } } {
  let prev = GENESIS;
  const out: string[] = [];
  list.forEach((event, i) => {
    let body = `{"seq":${i + 1},"prev":"${prev}","event":${JSON.stringify(event)}`;
    if (mac === 'bogus') body += `,"mac":"${sha256(body)}"`;
    if (mac === 'copied') body += `,"mac":"${copiedFrom}"`;
    const hash = sha256(body);
    out.push(`${body},"hash":"${hash}"}`);
    prev = hash;
  });
  return { text: `${out.join('\n')}\n`, head: { seq: list.length, hash: prev } };
}

/** The forger's log: event 4 (a person's block) deleted, a fake "allowed by a person" appended. */
function forge(s: Setup, mac: 'strip' | 'bogus' | 'copied'): void {
  const original = events(s);
  const kept = original.filter((l) => l.seq !== 4).map((l) => l.event);
  kept.push({ ...original[0]!.event, id: 'forged-1', command: 'railway volume delete vol_prod', decision: 'allow', decidedBy: 'person' });
  const { text, head } = rehash(kept, mac, original[1]!.mac);
  writeFileSync(active(s), text);
  writeFileSync(headPath(s.dir), `${JSON.stringify(head)}\n`); // the forger keeps the head record consistent too
}

describe('delete events, append a fake "allowed by person", re-hash: caught', () => {
  for (const mac of ['strip', 'bogus', 'copied'] as const) {
    test(`MAC fields ${mac}`, async () => {
      const s = await editorLog();
      try {
        forge(s, mac);
        const withEditorOpen = await withEditor(s, () => verifyCli(s));
        assert.equal(withEditorOpen.code, 1, withEditorOpen.out);
        assert.match(withEditorOpen.out, /BROKEN/);
        const anchored = await withEditor(s, () => verifyCli(s, ['--anchor', `${s.anchor.seq}:${s.anchor.hash.slice(0, 16)}`]));
        assert.equal(anchored.code, 1, anchored.out);
        // No editor open: never "intact".
        const alone = await verifyCli(s);
        assert.notEqual(alone.code, 0, alone.out);
        assert.doesNotMatch(alone.out, /intact/);
        assert.equal(verifyLog(s.dir, undefined, { key: s.key }).ok, false);
      } finally {
        s.dispose();
      }
    });
  }
});

describe('truncation and tail replacement: caught', () => {
  test('truncated to 3 lines (head record left alone): caught without the editor', async () => {
    const s = await editorLog();
    try {
      writeFileSync(active(s), `${readFileSync(active(s), 'utf8').split('\n').slice(0, 3).join('\n')}\n`);
      const r = await verifyCli(s);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /cut from the end/);
    } finally {
      s.dispose();
    }
  });

  test('truncated to 3 lines and the head record rewritten to match: the editor catches it', async () => {
    const s = await editorLog();
    try {
      const three = readFileSync(active(s), 'utf8').split('\n').slice(0, 3);
      writeFileSync(active(s), `${three.join('\n')}\n`);
      const last = JSON.parse(three[2]!);
      writeFileSync(headPath(s.dir), `${JSON.stringify({ seq: last.seq, hash: last.hash })}\n`);
      assert.equal((await withEditor(s, () => verifyCli(s))).code, 1);
      assert.equal((await verifyCli(s)).code, 3, 'without the editor: not verifiable, never intact');
    } finally {
      s.dispose();
    }
  });

  test('truncated and the head record deleted', async () => {
    const s = await editorLog();
    try {
      writeFileSync(active(s), `${readFileSync(active(s), 'utf8').split('\n').slice(0, 3).join('\n')}\n`);
      rmSync(headPath(s.dir));
      const r = await verifyCli(s);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /head record .* missing/);
    } finally {
      s.dispose();
    }
  });

  test('the last two lines replaced with re-hashed ones, head record updated: the editor catches it', async () => {
    const s = await editorLog();
    try {
      const original = events(s);
      const rest = original.slice(0, 8);
      const text = readFileSync(active(s), 'utf8').split('\n').slice(0, 8);
      let prev = rest[7]!.hash;
      for (const n of [9, 10]) {
        const body = `{"seq":${n},"prev":"${prev}","event":${JSON.stringify({ ...original[n - 1]!.event, decision: 'allow', decidedBy: 'rules', command: 'echo fine' })},"mac":"${'a'.repeat(64)}"`;
        prev = sha256(body);
        text.push(`${body},"hash":"${prev}"}`);
      }
      writeFileSync(active(s), `${text.join('\n')}\n`);
      writeFileSync(headPath(s.dir), `${JSON.stringify({ seq: 10, hash: prev, mac: 'b'.repeat(64) })}\n`);
      const r = await withEditor(s, () => verifyCli(s));
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /MAC|rewritten|forged/);
    } finally {
      s.dispose();
    }
  });
});

test("a line without the editor's MAC that claims a person's answer is forged, editor or not", async () => {
  const s = await editorLog();
  try {
    const log = new ActivityLog(s.dir); // as a process without the key appends
    await log.append(completeEvent({ kind: 'decision', actor: 'claude', command: 'rm -rf ~/projects', cwd: s.w.ws, decision: 'allow', decidedBy: 'person' }));
    const r = await verifyCli(s);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /claims a person's decision/);
  } finally {
    s.dispose();
  }
});

test('an intact editor log: the editor vouches for it; hook lines after it are reported as not yet sealed', async () => {
  const s = await editorLog();
  try {
    const ok = await withEditor(s, () => verifyCli(s));
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /Checked by the editor with the log's key/);
    await new ActivityLog(s.dir).append(
      completeEvent({ kind: 'decision', actor: 'claude', command: 'railway volume delete x', cwd: s.w.ws, decision: 'ask', decidedBy: 'no-editor' }),
    );
    const later = await withEditor(s, () => verifyCli(s));
    assert.equal(later.code, 0, later.out);
    assert.match(later.out, /last 1 line was written while no editor was open/);
    assert.equal(readHeadRecord(s.dir)?.seq, 11, 'every appender keeps the head record');
  } finally {
    s.dispose();
  }
});

test('an impostor "editor" answering intact to --verify is not believed', async () => {
  const s = await editorLog();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  await pinnedIdentity(s.w.env); // the real editor's key is pinned; the impostor's is not
  const socket = join(s.w.base, 'run', 'w-evil.sock');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = JSON.stringify({ ok: true, lines: 10, files: 1, issues: [], head: s.anchor, keyed: true, unsealed: 0, signedLines: 10 });
      res.writeHead(200, {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWith(privateKey, answerMessage(String(req.headers[NONCE_HEADER]), (req.url ?? '').split('?')[0]!, Buffer.concat(chunks), text)),
      });
      res.end(text);
    });
  });
  await new Promise<void>((r) => server.listen(socket, r));
  try {
    forge(s, 'bogus');
    const unsigned = {
      protocol: PROTOCOL_VERSION,
      socket,
      secret: 'x'.repeat(64),
      pid: process.pid,
      window: 'evil',
      roots: [s.w.ws],
      app: 'test',
      updated: new Date().toISOString(),
      publicKey: pub,
    };
    writePrivateFile(registrationPathForRoot(s.w.ws, s.w.env), JSON.stringify({ ...unsigned, signature: signWith(privateKey, registrationMessage(unsigned)) }));
    const r = await verifyCli(s);
    assert.notEqual(r.code, 0, r.out);
    assert.doesNotMatch(r.out, /intact/);
  } finally {
    await new Promise((r) => server.close(r));
    s.dispose();
  }
});
