import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSandbox } from '../../../src/core/egress/availability';
import { EGRESS_PRELOAD_FILES } from '../../../src/core/egress/preload-files';
import { DEFAULT_PROTECTED_FILES } from '../../../src/core/tokens/protected-files';
import { installedLauncher } from '../../../src/launcher/install';
import { type FakeEditor, startFakeEditor } from '../trust/editor-key';

/**
 * A real sandbox, real TLS and real clients, on loopback only: a fake provider API served over
 * TLS with its own test CA under provider host names (Railway's GraphQL, Heroku's REST, an AWS
 * JSON API, and a non-provider host), `airlock run` started from the sources, and an editor
 * simulated with the real IPC server, gate service and confirmation queue.
 */
export const root = resolve(__dirname, '../../..');
export const HOSTS = ['backboard.railway.app', 'api.heroku.com', 'dynamodb.us-east-1.amazonaws.com', 'example.org', 'registry.example.org'];

/** Fails, never skips, where the sandbox cannot start: CI installs bubblewrap and socat. */
export function requireSandbox(): void {
  const availability = checkSandbox();
  assert.ok(
    availability.available,
    availability.available
      ? ''
      : `the egress sandbox cannot start on this machine: ${availability.problem}. Fix: ${availability.fix}. These tests need it (CI installs bubblewrap and socat).`,
  );
}

export interface Pki {
  dir: string;
  ca: string;
  key: string;
  cert: string;
}

/** A throwaway CA and one leaf for every test host, made with the openssl CLI. */
export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-egress-pki-'));
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, `openssl ${args[0]} failed: ${r.stderr}`);
  };
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Airlock Test CA']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=fake provider']);
  writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')},IP:127.0.0.1\n`);
  run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '2', '-extfile', 'ext.cnf']);
  return { dir, ca: join(dir, 'ca.pem'), key: join(dir, 'leaf.key'), cert: join(dir, 'leaf.pem') };
}

export interface Hit {
  method: string;
  host: string;
  url: string;
  body: string;
}

export interface FakeApi {
  port: number;
  hits: Hit[];
  close(): Promise<void>;
}

/** An npm registry mirror's files under registry.example.org: path → [content type, bytes]. */
export const registryFiles = new Map<string, [string, Buffer]>();

/** The fake provider API: records every request it receives and answers 200. */
export async function startFakeApi(pki: Pki): Promise<FakeApi> {
  const hits: Hit[] = [];
  const server: Server = createServer({ key: readFileSync(pki.key), cert: readFileSync(pki.cert) }, (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      const file = (req.headers.host ?? '').startsWith('registry.example.org') ? registryFiles.get((req.url ?? '').split('?')[0]!) : undefined;
      if (file) {
        res.setHeader('content-type', file[0]);
        res.end(file[1]);
        return;
      }
      hits.push({ method: req.method ?? '', host: req.headers.host ?? '', url: req.url ?? '', body });
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"ok":true}}\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    hits,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface Workspace {
  base: string;
  ws: string;
  env: NodeJS.ProcessEnv;
}

/** A workspace with a production and a staging env file, and private Airlock state folders. */
export function makeWorkspace(pki: Pki, api: FakeApi): Workspace {
  const base = mkdtempSync(join(tmpdir(), 'airlock-egress-'));
  const ws = join(base, 'ws');
  mkdirSync(join(ws, 'out'), { recursive: true });
  writeFileSync(join(ws, '.env.production'), 'RAILWAY_TOKEN=prod-4f1c9a7e2b6d8e0f3a5c\nRAILWAY_VOLUME_ID=vol-shared-1\n');
  writeFileSync(join(ws, '.env.staging'), 'RAILWAY_TOKEN=stag-9b2e7d4c1a0f6e3b8d5a\nRAILWAY_VOLUME_ID=vol-shared-1\n');
  writeFileSync(join(ws, 'payload.json'), '{"query":"mutation { volumeDelete(volumeId: \\"vol-shared-1\\") }"}\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AIRLOCK_RUNTIME_DIR: join(base, 'run'),
    AIRLOCK_STATE_DIR: join(base, 'state'),
    XDG_CONFIG_HOME: join(base, 'config'),
    // The proxy verifies the fake API against the test CA; the sandbox trusts it for hosts it does not decrypt.
    NODE_EXTRA_CA_CERTS: pki.ca,
    AIRLOCK_TEST_HOSTS: JSON.stringify(Object.fromEntries(HOSTS.map((h) => [h, '127.0.0.1']))),
    AIRLOCK_EGRESS_ALLOW_ADDRESSES: `127.0.0.1:${api.port}`,
    PORT: String(api.port),
    RAILWAY_TOKEN: 'prod-4f1c9a7e2b6d8e0f3a5c',
    // The cold path (sandbox started per command); warm-gate.test.ts covers the warm one.
    AIRLOCK_EGRESS_WARM: '0',
  };
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy', 'AIRLOCK_EGRESS_SANDBOX'])
    delete env[name];
  return { base, ws, env };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `airlock run -c LINE` from the sources, as a person or a hook would start it. */
export function airlockRun(w: Workspace, line: string, extraArgs: string[] = []): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
        '--import',
        pathToFileURL(join(__dirname, 'fixtures', 'resolve-hosts.mjs')).href,
        join(root, 'src/cli/main.ts'),
        'run',
        ...extraArgs,
        '-c',
        line,
      ],
      { cwd: w.ws, env: w.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export type { FakeEditor };

/** The editor, simulated the way the hook tests do: real IPC, gate service and queue; a scripted person. */
export function startEditor(w: Workspace, answer: 'allow' | 'block'): Promise<FakeEditor> {
  return startFakeEditor(w.env, w.ws, answer);
}

export function readOut(w: Workspace, name: string): string {
  try {
    return readFileSync(join(w.ws, 'out', name), 'utf8');
  } catch {
    return '';
  }
}

/** Publishes one tiny package (packed with `npm pack`, offline) on the fake registry mirror. */
export function publishFixturePackage(port: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-egress-pkg-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'airlock-fixture-pad', version: '1.0.0', main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), 'module.exports = (s, n) => String(s).padStart(n);\n');
  const packed = spawnSync('npm', ['pack', '--silent'], { cwd: dir, encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  const tgz = readFileSync(join(dir, packed.stdout.trim()));
  const tarball = `https://registry.example.org:${port}/airlock-fixture-pad/-/airlock-fixture-pad-1.0.0.tgz`;
  const integrity = `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
  const shasum = createHash('sha1').update(tgz).digest('hex');
  const metadata = {
    name: 'airlock-fixture-pad',
    'dist-tags': { latest: '1.0.0' },
    versions: { '1.0.0': { name: 'airlock-fixture-pad', version: '1.0.0', main: 'index.js', dist: { tarball, integrity, shasum } } },
  };
  registryFiles.set('/airlock-fixture-pad', ['application/json', Buffer.from(JSON.stringify(metadata))]);
  registryFiles.set('/airlock-fixture-pad/-/airlock-fixture-pad-1.0.0.tgz', ['application/octet-stream', tgz]);
}

export const REFUSAL = 'Airlock stopped this request before it left the machine';

/** Stops every warm gate started under this workspace's runtime folder (pid files beside their sockets). */
export function stopWarmGates(w: Workspace): number[] {
  const dir = w.env.AIRLOCK_RUNTIME_DIR!;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const pids = names
    .filter((n) => /^egress-[0-9a-f]+\.pid$/.test(n))
    .map((n) => Number(readFileSync(join(dir, n), 'utf8').trim()))
    .filter((n) => Number.isInteger(n) && n > 1);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  return pids;
}

/**
 * The launcher storage as the extension lays it out in `w.base/<folder>`: the launcher with its
 * settings inside, the CLI and its WASM, the egress preload, gates.json and egress.json (the
 * installed CLI has no node_modules: it finds the runtime through egress.json). `pinned` writes
 * the SHA-256 of what the launcher runs, as the editor does, which turns its warm paths on.
 * Returns the launcher's path.
 */
export function installLauncher(w: Workspace, options: { wrap: boolean; pinned: boolean; folder: string }): string {
  const bin = join(w.base, options.folder);
  mkdirSync(bin, { recursive: true });
  const files = ['airlock.js', 'tree-sitter.wasm', 'tree-sitter-bash.wasm'].map((name) => {
    copyFileSync(join(root, 'dist', name), join(bin, name));
    return {
      path: join(bin, name),
      sha256: createHash('sha256')
        .update(readFileSync(join(bin, name)))
        .digest('hex'),
    };
  });
  for (const name of EGRESS_PRELOAD_FILES) copyFileSync(join(root, 'dist', name), join(bin, name));
  writeFileSync(join(bin, 'gates.json'), JSON.stringify({ protectedFiles: DEFAULT_PROTECTED_FILES }));
  const settings = {
    cli: join(bin, 'airlock.js'),
    runtime: process.execPath,
    electron: false,
    gatesConfig: join(bin, 'gates.json'),
    protectedFiles: DEFAULT_PROTECTED_FILES,
    files: options.pinned ? files : [],
    platform: process.platform,
  };
  writeFileSync(join(bin, 'airlock'), installedLauncher(readFileSync(join(root, 'dist/launcher/airlock'), 'utf8'), settings), { mode: 0o755 });
  writeFileSync(join(bin, 'egress.json'), JSON.stringify({ wrap: options.wrap, runtime: require.resolve('@anthropic-ai/sandbox-runtime') }));
  return join(bin, 'airlock');
}
