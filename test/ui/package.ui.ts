// The .vsix `npm run package` makes is what users install: it must hold only what runs, install
// into the editor with --install-extension, and activate there (not loaded from this checkout).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { airlockExtensionId, projectRoot, startWorkbench, type Workbench } from './support';

describe('the packaged .vsix', { timeout: 240_000 }, () => {
  const outDir = mkdtempSync(join(tmpdir(), 'airlock-vsix-'));
  const vsix = join(outDir, 'airlock.vsix');
  let report = '';
  let workbench: Workbench;
  before(async () => {
    report = execFileSync(process.execPath, [join(projectRoot, 'scripts/package.mjs'), '--out', vsix], { cwd: projectRoot, encoding: 'utf8' });
    workbench = await startWorkbench({ vsix, files: { 'README.md': '# a project\n' } });
  });
  after(async () => {
    await workbench?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('holds the bundles and the manifest but no sources, tests or node_modules', () => {
    const files = report
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
    for (const needed of [
      'package.json',
      'dist/extension.js',
      'dist/airlock.js',
      'dist/egress-preload.js',
      'dist/egress-proxy-agent.js',
      'media/airlock.svg',
      'LICENSE',
    ]) {
      assert.ok(files.includes(needed), `${needed} is packed`);
    }
    const stray = files.filter((file) => /^(src|test|scripts|node_modules|\.editor|demo|out)\//.test(file) || file.endsWith('.map'));
    assert.deepEqual(stray, []);
    assert.match(report, /airlock\.vsix: [\d.]+ KiB/);
  });

  it('installs into the editor with --install-extension', () => {
    const installed = readdirSync(workbench.editor.extensionsDir).filter((name) => name.startsWith(`${airlockExtensionId}-`));
    assert.equal(installed.length, 1, `installed extensions: ${readdirSync(workbench.editor.extensionsDir).join(', ')}`);
    assert.ok(existsSync(join(workbench.editor.extensionsDir, installed[0]!, 'dist/extension.js')));
  });

  it('activates from the installed copy and shows its Activity Bar icon', async () => {
    assert.ok(await workbench.activityBarItem('Airlock').isVisible());
    await workbench.waitFor(
      () => /Airlock [\d.]+ active/.test(workbench.extensionLog()),
      "the activation line in Airlock's log",
      30_000,
      () => workbench.extensionLog(),
    );
    assert.doesNotMatch(await workbench.page.title(), /Extension Development Host/);
  });
});
