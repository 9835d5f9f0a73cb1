// The egress gate as a person meets it: in an "Airlock (sandboxed)" terminal, `curl -T` sends a
// Railway volumeDelete read from a file (a shape the command gate alone missed); the request is
// held, the modal names PRODUCTION and the token's evidence, and Block leaves the fake API
// untouched while the terminal shows the 403 text. Screenshots: test-results/ui/egress-*.png
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type FakeApi, HOSTS, makePki, type Pki, requireSandbox, startFakeApi } from '../unit/egress/harness';
import { makeWorkspace, projectRoot, startWorkbench, type Workbench } from './support';

describe('the egress gate in the real editor', { timeout: 300_000 }, () => {
  let workbench: Workbench;
  let workspace: string;
  let runtimeDir: string;
  let pki: Pki;
  let api: FakeApi;

  before(async () => {
    requireSandbox();
    pki = makePki();
    api = await startFakeApi(pki);
    workspace = makeWorkspace({
      '.env.production': 'RAILWAY_TOKEN=prod-4f1c9a7e2b6d8e0f3a5c\n',
      'payload.json': '{"query":"mutation { volumeDelete(volumeId: \\"vol-9f2\\") }"}\n',
    });
    runtimeDir = mkdtempSync(join(tmpdir(), 'airlock-ui-egress-'));
    workbench = await startWorkbench({
      workspace,
      env: {
        AIRLOCK_RUNTIME_DIR: runtimeDir,
        AIRLOCK_STATE_DIR: join(runtimeDir, 'state'),
        AIRLOCK_TEST_HOSTS: JSON.stringify(Object.fromEntries(HOSTS.map((h) => [h, '127.0.0.1']))),
        AIRLOCK_EGRESS_ALLOW_ADDRESSES: `127.0.0.1:${api.port}`,
        NODE_EXTRA_CA_CERTS: pki.ca,
        FAKE_API_PORT: String(api.port), // not PORT: code-server listens on $PORT
        RAILWAY_TOKEN: 'prod-4f1c9a7e2b6d8e0f3a5c',
      },
      // Terminals only (code-server itself must not load it): the fake API under provider
      // names, resolved in `airlock run`'s proxy (see test/unit/egress/fixtures/resolve-hosts.mjs).
      settings: {
        'terminal.integrated.env.linux': { NODE_OPTIONS: `--import=${pathToFileURL(join(projectRoot, 'test/unit/egress/fixtures/resolve-hosts.mjs')).href}` },
      },
    });
  });

  after(async () => {
    await workbench?.close();
    await api?.close();
    for (const dir of [workspace, runtimeDir, pki?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds curl -T in the sandboxed terminal: the modal names PRODUCTION and the token, Block sends nothing', async () => {
    await workbench.runCommand('Airlock: Open Sandboxed Terminal');
    await workbench.page.locator('.terminal-wrapper.active .xterm').waitFor({ timeout: 30_000 });
    await workbench.waitFor(async () => (await workbench.terminalText()).trim().length > 0, "the sandboxed shell's prompt", 60_000);
    await workbench.runInTerminal(
      'curl -sS -H "Authorization: Bearer $RAILWAY_TOKEN" -T payload.json "https://backboard.railway.app:$FAKE_API_PORT/graphql/v2"; echo "curl=$?"',
    );
    await workbench.waitForModal(/PRODUCTION/, 60_000);
    const text = await workbench.modalText();
    assert.match(text, /^PRODUCTION/);
    assert.match(text, /RAILWAY_TOKEN in \.env\.production/, "the token's evidence is in the modal");
    assert.match(text, /volumeDelete/);
    assert.doesNotMatch(text, /prod-4f1c9a7e2b6d8e0f3a5c/, 'the token itself is never shown');
    await workbench.screenshot('egress-modal');
    await workbench.clickModalButton('Block');
    await workbench.waitForTerminalText(/Airlock stopped this request[\s\S]*curl=0/, 60_000);
    await workbench.screenshot('egress-blocked');
    assert.deepEqual(api.hits, [], 'the fake API received nothing');
  });
});
