// The first ten minutes of a new user, on a fresh profile and a fresh home: the walkthrough,
// Protect from its button, the Protection view, the sample confirmation, the Activity view and
// Remove. At every step what a view claims is checked against the files on disk: a hook file
// present ⇔ the view says guarded ⇔ the tokens view counts the read gate; after Remove nothing
// is guarded and no folder Airlock created is left behind.
// Screenshots: test-results/ui/first-run-*.png
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeWorkspace, startWorkbench, type Workbench } from './support';

/** Folders under `root` with nothing in them (an agent would show them as "off"). */
function emptyFolders(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.length === 0 && dir !== root) out.push(dir.slice(root.length + 1));
    for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
  };
  walk(root);
  return out;
}

describe("a new user's first run", { timeout: 420_000 }, () => {
  let workbench: Workbench;
  let workspace: string;
  let home: string;
  let claudeSettings: string;
  const foldersBefore = ['.claude'];

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'airlock-ui-home-'));
    // `.claude/` in the workspace: Claude Code is detected. A production env file with a (fake) token.
    workspace = makeWorkspace({
      '.claude/CLAUDE.md': 'Be careful with production.\n',
      '.env.production': `RAILWAY_API_TOKEN=${randomUUID()}\n`,
      'README.md': '# app\n',
    });
    claudeSettings = join(workspace, '.claude/settings.json');
    workbench = await startWorkbench({ workspace, env: { HOME: home } });
  });

  after(async () => {
    await workbench?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    if (home) rmSync(home, { recursive: true, force: true });
  });

  const paneText = (title: string) => workbench.viewPane(title).innerText();
  async function waitForPane(title: string, pattern: RegExp, what: string, timeoutMs = 30_000): Promise<string> {
    let text = '';
    // On failure, also what the Protection output said (a self-test's detail is there).
    const log = () =>
      workbench
        .extensionLog()
        .split('\n')
        .filter((l) => /self-test|could not|verified|protects|error/i.test(l))
        .slice(-15)
        .join('\n');
    await workbench.waitFor(
      async () => {
        text = await paneText(title);
        return pattern.test(text);
      },
      what,
      timeoutMs,
      () => `${text}\n--- extension log ---\n${log()}`,
    );
    return text;
  }

  it('before Protect: no hook on disk, and no view claims one', async () => {
    assert.ok(!existsSync(claudeSettings));
    await workbench.openAirlockView();
    // The read gate protects nobody yet: the tokens view must say agents can read the env file.
    const tokens = await waitForPane('Exposed Tokens', /\.env\.production[\s\S]*1 token · agents can read/, 'the env file as readable by agents', 60_000);
    assert.doesNotMatch(tokens, /agents blocked/);
    const protection = await paneText('Protection');
    assert.doesNotMatch(protection, /Claude Code hook\s*verified/);
    // The palette offers what applies: nothing to remove yet; the terminal gate is on by default.
    assert.equal(await workbench.paletteOffers('Airlock: Remove Protection'), false, 'Remove Protection with nothing installed');
    assert.equal(await workbench.paletteOffers('Airlock: Turn On the Terminal Gate'), false, 'Turn On the Terminal Gate while it is on');
    assert.equal(await workbench.paletteOffers('Airlock: Protect This Workspace'), true);
  });

  it('Airlock: Get Started opens the walkthrough', async () => {
    await workbench.runCommand('Airlock: Get Started');
    const page = workbench.page.locator('.gettingStartedContainer');
    await page.filter({ hasText: 'Get Started with Airlock' }).first().waitFor({ timeout: 20_000 });
    const text = await page.first().innerText();
    for (const step of ['What Airlock protects', 'Protect your agents', 'See a confirmation', 'Read the record']) assert.match(text, new RegExp(step));
    await workbench.screenshot('first-run-walkthrough');
  });

  it('Protect This Workspace from the walkthrough installs the Claude Code hook, verified', async () => {
    const page = workbench.page.locator('.gettingStartedContainer').first();
    await page.getByText('Protect your agents', { exact: true }).first().click();
    await page
      .locator('.monaco-button, a')
      .filter({ hasText: /^\s*Protect This Workspace\s*$/ })
      .first()
      .click();
    await workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Claude Code (.claude/settings.json)' }).first().waitFor({ timeout: 20_000 });
    // Enter goes to the pick list's own input: focus may still be on the walkthrough's button, where
    // Enter would start Protect a second time (and cancel this pick).
    await workbench.inputBox().locator('input').click();
    await workbench.page.keyboard.press('Enter');
    await workbench.waitFor(
      () => existsSync(claudeSettings) && readFileSync(claudeSettings, 'utf8').includes('hook claude'),
      'the Claude Code hook written',
      30_000,
    );
    // The hook names the stable per-user launcher, which exists.
    const stable = join(home, '.local/share/airlock/bin/airlock');
    assert.match(readFileSync(claudeSettings, 'utf8'), new RegExp(`${stable.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} hook claude`));
    assert.ok(existsSync(stable));
    // Protect says how it went: the self-test's detail is in the error if it failed.
    const outcome = workbench.notification(/Airlock protects|Airlock could not protect/).first();
    await outcome.waitFor({ timeout: 60_000 });
    const said = await outcome.innerText();
    await workbench.screenshot('first-run-protected');
    assert.match(said, /Airlock protects: .*Claude Code/, said);
  });

  it('the Protection view says verified, and the tokens view names the agent the read gate now stops', async () => {
    await workbench.openAirlockView();
    await waitForPane('Protection', /Claude Code hook\s*verified \d{4}-\d\d-\d\d \d\d:\d\d/, 'Claude Code hook verified', 60_000);
    // The hook file is on disk: the view's claim matches it.
    assert.match(readFileSync(claudeSettings, 'utf8'), /hook claude/);
    await waitForPane(
      'Exposed Tokens',
      /\.env\.production[\s\S]*agents blocked \(Airlock read gate \(Claude Code\)\)/,
      'the env file blocked by the Claude Code read gate',
      60_000,
    );
    await workbench.screenshot('first-run-sidebar');
    assert.equal(await workbench.paletteOffers('Airlock: Remove Protection'), true, 'Remove Protection once something is installed');
  });

  it('Show a Sample Confirmation: the environment and SAMPLE in the heading; Block runs nothing', async () => {
    await workbench.runCommand('Airlock: Show a Sample Confirmation');
    await workbench.waitForModal(/SAMPLE/, 60_000);
    const text = await workbench.modalText();
    assert.match(text, /^SAMPLE \(nothing will run\) · (PRODUCTION|UNKNOWN)\b/);
    assert.match(text, /railway volume delete/);
    assert.doesNotMatch(text, /shares its resource with production/);
    assert.deepEqual((await workbench.modalButtons()).sort(), ['Allow once', 'Block', 'Cancel']);
    await workbench.screenshot('first-run-sample-modal');
    await workbench.clickModalButton('Block');
    await workbench
      .notification(/Sample: you blocked it/)
      .first()
      .waitFor({ timeout: 15_000 });
  });

  it('the Activity view holds the protection record (not the sample), and its filters work from the view menu', async () => {
    await workbench.openAirlockView();
    const text = await waitForPane('Activity', /Protection installed/, 'the protection record in Activity', 30_000);
    assert.doesNotMatch(text, /railway volume delete/, 'the sample is never logged');
    await workbench.screenshot('first-run-activity');
    await workbench.runViewMenuItem('Activity', 'Show Only Blocked Actions');
    await workbench.waitFor(async () => !/Protection installed/.test(await paneText('Activity')), 'the filter to hide the record', 15_000);
    assert.equal(await workbench.paletteOffers('Airlock: Clear Activity Filters'), true, 'Clear Filters while filtered');
    await workbench.runCommand('Airlock: Clear Activity Filters');
    await waitForPane('Activity', /Protection installed/, 'the record back after clearing', 15_000);
    assert.equal(await workbench.paletteOffers('Airlock: Clear Activity Filters'), false, 'Clear Filters only while filtered');
  });

  it('Remove Protection: the hook file goes, the views stop claiming it, no empty folder is left', async () => {
    // Focus back on the workbench (F1 must reach it, not an editor page that keeps keys).
    await workbench.page.keyboard.press('Escape');
    await workbench.openAirlockView();
    await workbench.page.locator('.part.sidebar .composite.title').first().click();
    await workbench.runCommand('Airlock: Remove Protection');
    await workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Claude Code (.claude/settings.json)' }).first().waitFor({ timeout: 15_000 });
    await workbench.inputBox().locator('input').click();
    await workbench.page.keyboard.press('Enter');
    // Airlock created settings.json: removing its entry removes the file; .claude was there before and stays.
    await workbench.waitFor(() => !existsSync(claudeSettings), 'the Claude Code hook file removed', 20_000);
    for (const folder of foldersBefore) assert.ok(existsSync(join(workspace, folder)), `${folder} was there before and stays`);
    assert.deepEqual(emptyFolders(workspace), [], 'no empty folder left behind');
    for (const created of ['.cursor', '.github', '.codex', '.windsurf', '.kiro', '.gemini', '.clinerules', '.opencode'])
      assert.ok(!existsSync(join(workspace, created)), `${created} left behind`);
    await workbench.openAirlockView();
    const protection = await waitForPane('Protection', /Claude Code hook/, 'the Claude Code row', 20_000);
    await workbench.waitFor(
      async () => !/Claude Code hook\s*verified/.test(await paneText('Protection')),
      'the Claude Code row no longer verified',
      20_000,
      () => protection,
    );
    await waitForPane('Exposed Tokens', /\.env\.production[\s\S]*1 token · agents can read/, 'the env file readable again', 60_000);
    assert.equal(await workbench.paletteOffers('Airlock: Remove Protection'), false, 'nothing left to remove');
    await workbench.screenshot('first-run-removed');
  });
});
