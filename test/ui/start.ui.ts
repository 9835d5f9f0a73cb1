// `npm start` as a newcomer runs it: it packages Airlock, generates the PocketOS demo, serves the
// workbench with Airlock installed on the demo, and stops cleanly on Ctrl-C (SIGINT).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connectWorkbench, projectRoot, type Workbench } from './support';

describe('npm start', { timeout: 240_000 }, () => {
  let start: ChildProcess;
  let output = '';
  let url = '';
  let workbench: Workbench;

  before(async () => {
    // A home of its own, so the editor's terminals do not run this machine's ~/.bashrc.
    const home = mkdtempSync(join(tmpdir(), 'airlock-start-home-'));
    start = spawn(process.execPath, [join(projectRoot, 'scripts/start.mjs'), '--port', '0'], {
      cwd: projectRoot,
      env: { ...process.env, HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (chunk) => {
      output += chunk;
    });
    start.stderr!.on('data', (chunk) => {
      output += chunk;
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no address in 180 s:\n${output}`)), 180_000);
      const look = () => {
        const found = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      };
      start.stdout!.on('data', look);
      start.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code}:\n${output}`));
      });
    });
    workbench = await connectWorkbench(url, { workspace: join(projectRoot, 'demo') });
  });
  after(async () => {
    await workbench?.close();
    if (start.exitCode === null) start.kill('SIGKILL');
  });

  it('prints a loopback address and serves the workbench with Airlock installed, not loaded from source', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//);
    assert.match(output, /Ctrl-C/);
    assert.ok(await workbench.activityBarItem('Airlock').isVisible());
    assert.doesNotMatch(await workbench.page.title(), /Extension Development Host/);
    await workbench.openAirlockView();
    await workbench.screenshot('npm-start-demo');
  });

  it('opens the generated PocketOS demo with its env files and fake railway CLI', async () => {
    await workbench.activityBarItem('Explorer').click();
    for (const name of ['.env.production', '.env.staging', 'scripts', 'README.md']) {
      await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().waitFor();
    }
    await workbench.runInTerminal('railway --version; command -v railway');
    // Airlock's terminal gate puts its shim for railway first on PATH; the fake CLI answers through it.
    const text = await workbench.waitForTerminalText(/(demo\/scripts|airlock-dev\.airlock\/shims)\/railway/);
    assert.match(text, /railway 4\.0\.0 \(fake, Airlock demo\)/);
  });

  it('stops the editor and exits 0 on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => start.on('exit', (code) => resolve(code)));
    start.kill('SIGINT');
    assert.equal(await exited, 0);
    await assert.rejects(fetch(new URL('healthz', url), { signal: AbortSignal.timeout(3000) }), 'nothing listens on the address any more');
  });
});
