// The Activity sidebar as a person sees it after an agent session: the timeline, a filter,
// the details panel, and the shield in the status bar. Screenshots: test-results/ui/activity-*.png
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { logDirFor } from '../../src/core/log/location';
import { appendToWorkspaceLog } from '../../src/core/log/workspace-log';
import { makeWorkspace, startWorkbench, type Workbench } from './support';

/** Closes the editor, then removes what the suite created: its workspace and its Airlock state directory. */
async function closeAndRemove(workbench: Workbench | undefined, stateDir: string | undefined): Promise<void> {
  const workspace = workbench?.workspace;
  await workbench?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
}

describe('the Activity sidebar after an agent session', { timeout: 240_000 }, () => {
  let workbench: Workbench;
  let stateDir: string;

  before(async () => {
    const workspace = makeWorkspace({ 'README.md': '# pocket-rentals\n', '.env': 'RAILWAY_TOKEN=redacted-in-this-test\n' });
    stateDir = mkdtempSync(join(tmpdir(), 'airlock-ui-state-'));
    const env = { AIRLOCK_STATE_DIR: stateDir };
    const minute = (n: number) => new Date(Date.now() - (30 - n) * 60_000).toISOString();
    // Recorded before the editor starts, as `airlock hook` processes do when no editor is up;
    // the extension finds this log through the per-user index and continues its chain.
    const record = (event: Parameters<typeof appendToWorkspaceLog>[1]) => appendToWorkspaceLog(workspace, event, env);
    await record({
      kind: 'token',
      actor: 'unknown',
      file: join(workspace, '.env'),
      rule: 'railway-token',
      severity: 'critical',
      reason: 'Railway API token readable by agents',
      time: minute(1),
    });
    await record({ kind: 'command', actor: 'terminal', command: 'git status', cwd: workspace, exitCode: 0, durationMs: 31, time: minute(2) });
    await record({
      kind: 'decision',
      actor: 'claude',
      session: 'c1a2b3c4-session',
      command: 'npm test',
      cwd: workspace,
      decision: 'allow',
      decidedBy: 'rules',
      time: minute(3),
    });
    await record({
      kind: 'file-read',
      actor: 'claude',
      session: 'c1a2b3c4-session',
      file: join(workspace, '.env'),
      decision: 'deny',
      decidedBy: 'rules',
      reason: 'holds a secret',
      time: minute(4),
    });
    await record({
      kind: 'confirmation',
      actor: 'claude',
      session: 'c1a2b3c4-session',
      command: 'railway volume delete vol-shared --yes',
      cwd: workspace,
      decision: 'deny',
      // Seeded without the editor's log key: a person's decision here would read as forged.
      decidedBy: 'timeout',
      environment: 'production',
      rule: 'railway.volume-delete',
      reason: 'Deletes the volume; staging and production share it, and the backups live inside it',
      evidence: ['from .railway/config.json: environment "production"'],
      time: minute(5),
    });
    await record({
      kind: 'decision',
      actor: 'claude',
      session: 'c1a2b3c4-session',
      command: 'git push --force origin fix/booking',
      cwd: workspace,
      decision: 'allow',
      decidedBy: 'rules',
      environment: 'development',
      time: minute(6),
    });
    workbench = await startWorkbench({ workspace, env });
  });

  after(() => closeAndRemove(workbench, stateDir));

  it('lists the session newest first, with the blocked production command', async () => {
    await workbench.openAirlockView();
    const pane = workbench.viewPane('Activity');
    await workbench.waitFor(
      async () => (await pane.innerText()).includes('railway volume delete vol-shared --yes'),
      'the blocked command in the Activity view',
      30_000,
      () => 'pane text',
    );
    const text = await pane.innerText();
    assert.match(text, /Today/);
    assert.match(text, /Claude Code session c1a2b3c4/);
    assert.match(text, /blocked: no answer in time · PRODUCTION · railway: volume delete/);
    assert.doesNotMatch(text, /failed verification/);
    assert.ok(text.indexOf('git push --force') < text.indexOf('railway volume delete'), 'newest first');
    const path = await workbench.screenshot('activity-sidebar');
    assert.ok(existsSync(path) && statSync(path).size > 10_000);
  });

  it('the shield in the status bar counts what was blocked today', async () => {
    const status = workbench.page.locator('.part.statusbar').getByText(/blocked today/);
    await status.first().waitFor({ timeout: 15_000 });
    assert.match(await status.first().innerText(), /2 blocked today/);
  });

  it('clicking the shield opens the Activity view', async () => {
    await workbench.activityBarItem('Explorer').click();
    await workbench.waitFor(async () => !(await workbench.viewPane('Activity').isVisible()), 'the Explorer to replace the Airlock views', 10_000);
    await workbench.page
      .locator('.part.statusbar')
      .getByText(/blocked today/)
      .first()
      .click();
    await workbench.viewPane('Activity').waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('opens the details panel when an event is clicked', async () => {
    await workbench.viewPane('Activity').getByText('railway volume delete vol-shared --yes', { exact: true }).click();
    const tab = workbench.page.locator('.tabs-container .tab', { hasText: 'Airlock: railway volume delete' });
    await tab.waitFor({ timeout: 15_000 });
    // The page itself lives in nested iframes; its frame shows the environment banner.
    await workbench.waitFor(
      async () => {
        for (const frame of workbench.page.frames()) {
          try {
            if ((await frame.locator('.environment.production').count()) > 0) return true;
          } catch {
            /* frame detached while loading */
          }
        }
        return false;
      },
      'the PRODUCTION banner in the details panel',
      20_000,
    );
    await workbench.screenshot('activity-details');
  });

  it('filters to blocked actions from the view menu commands', async () => {
    await workbench.openAirlockView();
    await workbench.runViewMenuItem('Activity', 'Show Only Blocked Actions');
    const pane = workbench.viewPane('Activity');
    await workbench.waitFor(async () => !(await pane.innerText()).includes('npm test'), 'npm test to be filtered out', 15_000);
    assert.match(await pane.innerText(), /railway volume delete/);
    await workbench.screenshot('activity-blocked-only');
    await workbench.runCommand('Airlock: Clear Activity Filters');
  });
});

describe('a log edited outside Airlock', { timeout: 240_000 }, () => {
  let workbench: Workbench;
  let stateDir: string;

  before(async () => {
    const workspace = makeWorkspace({ 'README.md': '# edited log\n' });
    stateDir = mkdtempSync(join(tmpdir(), 'airlock-ui-state-'));
    const env = { AIRLOCK_STATE_DIR: stateDir };
    for (const command of ['terraform plan', 'terraform destroy -auto-approve', 'git status']) {
      await appendToWorkspaceLog(
        workspace,
        { kind: 'decision', actor: 'cursor', command, decision: command.includes('destroy') ? 'deny' : 'allow', decidedBy: 'rules' },
        env,
      );
    }
    // Someone rewrites history: the destroy was "allowed".
    const file = join(logDirFor(workspace, env), 'activity.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"decision":"deny"', '"decision":"allow"'));
    workbench = await startWorkbench({ workspace, env });
  });

  after(() => closeAndRemove(workbench, stateDir));

  it('warns on the Activity view when the startup verification fails', async () => {
    await workbench.openAirlockView();
    const pane = workbench.viewPane('Activity');
    await workbench.waitFor(
      async () => /failed verification: line 2 of activity\.jsonl was edited/.test(await pane.innerText()),
      'the verification warning on the view',
      30_000,
    );
    // The edited event stays visible, marked: what it claims may not be what happened.
    await workbench.waitFor(
      async () => /terraform destroy -auto-approve[\s\S]*UNVERIFIED|UNVERIFIED[\s\S]*terraform destroy/.test(await pane.innerText()),
      'the edited event marked UNVERIFIED',
      15_000,
    );
    await workbench.screenshot('activity-verification-warning');
  });
});
