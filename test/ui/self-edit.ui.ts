// Changes to Airlock's own files that no hook could stop, as a person meets them: an agent's
// observe-only edit event (Cursor's afterFileEdit, run through the installed hook command) and a
// hook file rewritten by another program both end in a warning with "Show Activity" and "Check
// Protection", a high-severity Activity row and a Protection view that tells the truth; Airlock's
// own Protect and Remove stay silent. Screenshots: test-results/ui/self-edit-*.png
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeWorkspace, startWorkbench, type Workbench } from './support';

const OBSERVED_TITLE = "Cursor edited .cursor/hooks.json, one of Airlock's own files, where Airlock could not stop it";
const REMOVED_TITLE = "Airlock's hook was removed from Cursor (.cursor/hooks.json) by something other than Airlock";
const ALTERED_TITLE = "Airlock's hook in Cursor (.cursor/hooks.json) was changed by something other than Airlock";
interface HooksFile {
  version: number;
  hooks: Record<string, Array<{ command: string }>>;
}

const POLICY = '{\n  "rules": []\n}\n';

/** Runs a hook the way Cursor does: its configured command line through a shell, the payload on stdin. */
function runAsCursor(command: string, payload: object, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(JSON.stringify(payload));
  });
}

describe("changes to Airlock's own files that no hook could stop", { timeout: 300_000 }, () => {
  let workbench: Workbench;
  let workspace: string;
  let base: string;
  let env: Record<string, string>;
  const hooksPath = () => join(workspace, '.cursor/hooks.json');
  const readHooks = () => JSON.parse(readFileSync(hooksPath(), 'utf8')) as HooksFile;
  const policyPath = () => join(env.XDG_CONFIG_HOME!, 'airlock/policy.json');

  /**
   * Every self-edit warning the workbench holds, shown or not (toasts hide; the notification
   * center keeps them), but watcherCaughtUp's own.
   */
  async function selfEditWarnings(): Promise<string[]> {
    await workbench.runCommand('Notifications: Show Notifications');
    const items = workbench.page.locator('.notifications-center .notification-list-item');
    await workbench.page.locator('.notifications-center').waitFor({ timeout: 10_000 });
    const texts: string[] = [];
    for (const item of await items.all()) {
      if ((await item.getByRole('button', { name: 'Check Protection', exact: true }).count()) === 0) continue;
      const text = (await item.innerText()).trim();
      if (!/Airlock's policy .* was changed outside Airlock/.test(text)) texts.push(text);
    }
    await workbench.runCommand('Notifications: Hide Notifications');
    return texts;
  }

  /**
   * Changes the user policy as another program would and waits for the watcher's warning: Airlock's
   * file events are judged in the order they happen, so once this warning is up, every change made
   * before it has been judged too.
   */
  let policyChanges = 0;
  async function watcherCaughtUp(): Promise<void> {
    policyChanges++;
    writeFileSync(policyPath(), POLICY.replace('[]', `[]${' '.repeat(policyChanges)}`));
    await workbench
      .notification(/Airlock's policy .*policy\.json was changed outside Airlock/)
      .first()
      .waitFor({ timeout: 20_000 });
  }

  /** Runs Protect from the palette for Cursor's file and waits for its self-test to pass. */
  async function protectCursor(): Promise<void> {
    await workbench.runCommand('Airlock: Protect This Workspace');
    const pick = workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Cursor (.cursor/hooks.json)' });
    await pick.first().waitFor({ timeout: 15_000 });
    await workbench.page.keyboard.press('Enter');
    await waitForProtection(/Cursor hook\s*verified \d{4}-\d\d-\d\d \d\d:\d\d/, 'the Cursor hook verified', 30_000);
  }

  /** Polls the Protection view until its text matches; returns that text. */
  async function waitForProtection(pattern: RegExp, what: string, timeoutMs: number): Promise<string> {
    let text = '';
    await workbench.waitFor(
      async () => {
        text = await protectionText();
        return pattern.test(text);
      },
      what,
      timeoutMs,
      () => text,
    );
    return text;
  }

  async function protectionText(): Promise<string> {
    await workbench.openAirlockView();
    return workbench.viewPane('Protection').innerText();
  }

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'airlock-ui-self-edit-'));
    env = {
      HOME: join(base, 'home'),
      XDG_CONFIG_HOME: join(base, 'config'),
      AIRLOCK_RUNTIME_DIR: join(base, 'run'),
      AIRLOCK_STATE_DIR: join(base, 'state'),
    };
    mkdirSync(env.HOME!, { recursive: true });
    mkdirSync(join(env.XDG_CONFIG_HOME!, 'airlock'), { recursive: true });
    writeFileSync(policyPath(), POLICY);
    // Cursor is set up here, nothing else: Protect installs .cursor/hooks.json.
    workspace = makeWorkspace({ '.cursor/rules/style.md': 'Be brief.\n', 'README.md': '# app\n' });
    workbench = await startWorkbench({ workspace, env });
  });

  after(async () => {
    await workbench?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it("Protect writes Cursor's hooks, verified, and warns about nothing", async () => {
    await protectCursor();
    assert.ok(
      readHooks().hooks.afterFileEdit?.some((e) => / hook cursor /.test(e.command)),
      'Airlock listens to afterFileEdit',
    );
    await watcherCaughtUp();
    assert.deepEqual(await selfEditWarnings(), [], "Airlock's own write is no one else's change");
  });

  it("an agent's edit of .cursor/hooks.json, reported by afterFileEdit, warns, is in Activity, and protection is verified again", async () => {
    await workbench.runCommand('Notifications: Clear All Notifications');
    // The agent adds a hook of its own, leaving Airlock's entries as they are: the watcher has
    // nothing to say, so the warning below can only come from the afterFileEdit event.
    const before = readFileSync(hooksPath(), 'utf8');
    const edited = readHooks();
    edited.hooks.stop = [{ command: './scripts/notify-done.sh' }];
    writeFileSync(hooksPath(), `${JSON.stringify(edited, null, 2)}\n`);
    // The bytes Protect tested are gone: a fresh look (a new terminal refreshes the view) says so.
    await workbench.openTerminal();
    await waitForProtection(/Cursor hook\s*not verified/, 'the Cursor hook no longer verified once its file changed', 15_000);

    const command = readHooks().hooks.afterFileEdit?.find((e) => / hook cursor /.test(e.command))?.command;
    assert.ok(command, `Airlock's afterFileEdit entry survives the agent's edit: ${readFileSync(hooksPath(), 'utf8')}`);
    const hook = await runAsCursor(
      command,
      {
        hook_event_name: 'afterFileEdit',
        conversation_id: 'conv-7f3a',
        generation_id: 'gen-1',
        workspace_roots: [workspace],
        file_path: hooksPath(),
        edits: [{ old_string: before.slice(-40), new_string: readFileSync(hooksPath(), 'utf8').slice(-80) }],
      },
      workspace,
      env,
    );
    assert.deepEqual({ code: hook.code, stdout: hook.stdout }, { code: 0, stdout: '' }, `afterFileEdit takes no answer (stderr: ${hook.stderr})`);

    const toast = workbench.notification(OBSERVED_TITLE).first();
    await toast.waitFor({ timeout: 15_000 });
    const said = await toast.locator('.notification-list-item-message').innerText();
    assert.ok(said.startsWith(`Airlock: ${OBSERVED_TITLE}.`), said);
    // Why nothing stopped it and where to look: a toast shows no `detail`, so it must be in the message.
    assert.match(said, /afterFileEdit/);
    assert.match(said, /Activity/);
    assert.deepEqual(
      (await toast.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()),
      ['Show Activity', 'Check Protection'],
    );
    await workbench.screenshot('self-edit-observed-warning');

    // The alert re-ran the self-test on the file as it is now.
    await waitForProtection(/Cursor hook\s*verified \d{4}-\d\d-\d\d \d\d:\d\d/, 'the Cursor hook verified again after the alert', 30_000);

    await workbench.clickNotificationButton(OBSERVED_TITLE, 'Show Activity');
    const activity = workbench.viewPane('Activity');
    await activity.waitFor({ state: 'visible', timeout: 15_000 });
    const row = activity.locator('.monaco-list-row').filter({ hasText: OBSERVED_TITLE });
    await row.first().waitFor({ timeout: 15_000 });
    assert.equal(await row.locator('.codicon-warning').count(), 1, 'marked with the warning icon');
    await row.first().hover();
    const hover = workbench.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: 'Severity' });
    await hover.first().waitFor({ timeout: 10_000 });
    assert.match(await hover.first().innerText(), /Severity: high/);
    await workbench.screenshot('self-edit-activity-row');

    // Clicking an action closes that warning; the agent's edit left Airlock's entry intact, so the watcher adds none.
    await watcherCaughtUp();
    assert.deepEqual(await selfEditWarnings(), []);
  });

  it("a program removing Airlock's entry from .cursor/hooks.json is caught by the watcher, and Cursor is no longer shown as guarded", async () => {
    await workbench.runCommand('Notifications: Clear All Notifications');
    // What a person's script or another tool might do: rewrite the file without Airlock's entries.
    const tampered = readHooks();
    for (const [event, entries] of Object.entries(tampered.hooks)) {
      const kept = entries.filter((e) => !/ hook cursor /.test(e.command));
      if (kept.length) tampered.hooks[event] = kept;
      else delete tampered.hooks[event];
    }
    assert.deepEqual(Object.keys(tampered.hooks), ['stop'], "only the agent's own hook is left");
    writeFileSync(hooksPath(), `${JSON.stringify(tampered, null, 2)}\n`);

    const toast = workbench.notification(REMOVED_TITLE).first();
    await toast.waitFor({ timeout: 20_000 });
    const said = await toast.locator('.notification-list-item-message').innerText();
    assert.match(said, /^Airlock: Airlock's hook was removed from Cursor \(\.cursor\/hooks\.json\) by something other than Airlock\./);
    // What to do about it reaches the person: a toast shows no `detail`, so it must be in the message.
    assert.match(said, /Protect This Workspace/);
    assert.deepEqual(
      (await toast.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()),
      ['Show Activity', 'Check Protection'],
    );
    await workbench.screenshot('self-edit-watcher-warning');

    const text = await waitForProtection(/Cursor hook\s*off/, 'the Cursor hook shown as off', 15_000);
    assert.doesNotMatch(text, /Cursor hook\s*(verified|on)/);
    assert.doesNotMatch(await workbench.page.locator('.part.statusbar').innerText(), /(^|\s)Protected/, 'the shield no longer says Protected');

    // Check Protection lists the layers as they are now, the gap first-hand.
    await workbench.clickNotificationButton(REMOVED_TITLE, 'Check Protection');
    const cursorRow = workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Cursor hook' });
    await cursorRow.first().waitFor({ timeout: 15_000 });
    assert.match(await cursorRow.first().innerText(), /off[\s\S]*without Airlock seeing them/);
    await workbench.page.keyboard.press('Escape');

    // The removal is in the log too, with the file it concerns.
    await workbench.openAirlockView();
    const row = workbench.viewPane('Activity').locator('.monaco-list-row').filter({ hasText: REMOVED_TITLE });
    await row.first().waitFor({ timeout: 15_000 });
  });

  it('Protect again, a write of Airlock itself, warns about nothing', async () => {
    await workbench.runCommand('Notifications: Clear All Notifications');
    await protectCursor();
    assert.deepEqual(readHooks().hooks.stop, [{ command: './scripts/notify-done.sh' }], "the agent's own hook stays");
    await watcherCaughtUp();
    assert.deepEqual(await selfEditWarnings(), [], 'Protect is Airlock writing its own file');
  });

  // Each weakens Airlock's entry but leaves one in every blocking list: the self-test still passes
  // through it, so only the file's bytes can tell the view it is not what Airlock installed.
  const weakenings: Array<[string, (hooks: HooksFile['hooks']) => void]> = [
    ['failClosed dropped, so Cursor runs the command when the hook fails', (h) => delete (h.beforeShellExecution![0] as { failClosed?: boolean }).failClosed],
    [
      "the timeout raised to 300 s, past Cursor's own",
      (h) => {
        h.beforeShellExecution![0]!.command += '0';
      },
    ],
    [
      'the write matcher narrowed to Write only',
      (h) => {
        (h.preToolUse![0] as { matcher?: string }).matcher = 'Write';
      },
    ],
  ];
  for (const [how, weaken] of weakenings) {
    it(`a program weakening Airlock's entry (${how}) is caught, and Cursor is not shown as guarded`, async () => {
      await workbench.runCommand('Notifications: Clear All Notifications');
      const original = readFileSync(hooksPath(), 'utf8');
      const weakened = readHooks();
      weaken(weakened.hooks);
      writeFileSync(hooksPath(), `${JSON.stringify(weakened, null, 2)}\n`);
      await workbench.notification(ALTERED_TITLE).first().waitFor({ timeout: 20_000 });
      await waitForProtection(/Cursor hook\s*not verified/, 'the Cursor hook no longer shown as verified', 30_000);
      // Nothing, the alert's own re-check included, makes it claim the hook guarded again.
      for (const until = Date.now() + 2_000; Date.now() < until; await workbench.page.waitForTimeout(200)) {
        assert.match(await protectionText(), /Cursor hook\s*not verified/);
      }
      await workbench.screenshot('self-edit-weakened');
      // Airlock's bytes put back: no change to Airlock's entry, so nothing more to warn about; Protect verifies them again.
      writeFileSync(hooksPath(), original);
      await protectCursor();
      await watcherCaughtUp();
      const warnings = await selfEditWarnings();
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, /Airlock's hook in Cursor \(\.cursor\/hooks\.json\) was changed by something other than Airlock/);
    });
  }

  it('Remove Protection, a write of Airlock itself, warns about nothing', async () => {
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.runCommand('Airlock: Remove Protection');
    await workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Cursor (.cursor/hooks.json)' }).first().waitFor({ timeout: 15_000 });
    await workbench.page.keyboard.press('Enter');
    await workbench.waitFor(() => !readFileSync(hooksPath(), 'utf8').includes(' hook cursor '), "Airlock's entries removed", 15_000);
    assert.deepEqual(readHooks().hooks, { stop: [{ command: './scripts/notify-done.sh' }] });
    await watcherCaughtUp();
    assert.deepEqual(await selfEditWarnings(), [], 'Remove is Airlock writing its own file');
    await workbench.screenshot('self-edit-quiet-after-remove');
  });
});
