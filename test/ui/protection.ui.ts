// Installing and removing protection as a person does it: the palette command, the pick list of
// hook files, the files written (merged into what was there), the Protection view, and removal
// giving back the original bytes. Screenshot: test-results/ui/protection-view.png
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeWorkspace, startWorkbench, type Workbench } from './support';

const CLAUDE_SETTINGS =
  '{\n  // the team\'s formatter hook stays\n  "hooks": {\n    "PostToolUse": [ { "matcher": "Edit", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] } ]\n  }\n}\n';

describe('protecting a workspace', { timeout: 240_000 }, () => {
  let workbench: Workbench;
  let workspace: string;
  // A home of its own: the stable launcher path and user-level hook files land there, not in the machine's home.
  let home: string;

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'airlock-ui-home-'));
    // Codex and Windsurf are set up in this workspace: Protect offers them beside Cursor and Claude Code.
    workspace = makeWorkspace({
      '.cursor/rules/style.md': 'Be brief.\n',
      '.claude/settings.json': CLAUDE_SETTINGS,
      'README.md': '# app\n',
      '.codex/AGENTS.md': 'Be careful.\n',
      '.windsurf/rules/style.md': 'Be brief.\n',
    });
    workbench = await startWorkbench({ workspace, env: { HOME: home } });
  });

  after(async () => {
    await workbench?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('installs the hooks of the detected agents, merged into the existing files', async () => {
    // The offer appears by itself when agents are detected, naming the new ones too; it starts Protect.
    const offer = workbench.notification(/can run commands in this workspace without asking you/).first();
    await offer.waitFor({ timeout: 20_000 });
    const offered = await offer.innerText();
    assert.match(offered, /Codex CLI/);
    assert.match(offered, /Windsurf/);
    await workbench.clickNotificationButton(/can run commands in this workspace without asking you/, 'Protect This Workspace');
    await workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Claude Code (.claude/settings.json)' }).first().waitFor({ timeout: 15_000 });
    await workbench.page.keyboard.press('Enter');
    const claudePath = join(workspace, '.claude/settings.json');
    await workbench.waitFor(
      () =>
        existsSync(join(workspace, '.cursor/hooks.json')) &&
        readFileSync(claudePath, 'utf8').includes('hook claude') &&
        existsSync(join(workspace, '.codex/hooks.json')) &&
        existsSync(join(workspace, '.windsurf/hooks.json')),
      'the four hook files written',
      30_000,
    );
    const cursor = JSON.parse(readFileSync(join(workspace, '.cursor/hooks.json'), 'utf8'));
    assert.equal(cursor.version, 1);
    // The stable per-user path, never the editor's temporary profile.
    const stable = join(home, '.local/share/airlock/bin/airlock');
    assert.equal(cursor.hooks.beforeShellExecution[0].command, `${stable} hook cursor --timeout 30`);
    assert.ok(existsSync(stable), 'the stable launcher exists');
    assert.equal(cursor.hooks.beforeReadFile[0].failClosed, true);
    const codex = JSON.parse(readFileSync(join(workspace, '.codex/hooks.json'), 'utf8'));
    assert.deepEqual(codex.hooks.PreToolUse[0].hooks[0], { type: 'command', command: `${stable} hook codex --timeout 300`, timeout: 300 });
    const windsurf = JSON.parse(readFileSync(join(workspace, '.windsurf/hooks.json'), 'utf8'));
    // post_write_code: observe-only, for edits of Airlock's own files no pre-hook could stop.
    assert.deepEqual(Object.keys(windsurf.hooks), ['pre_run_command', 'pre_read_code', 'pre_write_code', 'pre_mcp_tool_use', 'post_write_code']);
    // Codex runs a hook only once the person trusts its content: Airlock says so.
    await workbench
      .notification(/Codex CLI runs a hook only after you trust its exact content/)
      .first()
      .waitFor({ timeout: 15_000 });
    const claude = readFileSync(join(workspace, '.claude/settings.json'), 'utf8');
    assert.match(claude, /\/\/ the team's formatter hook stays/);
    assert.match(claude, /npx prettier --write/);
    assert.match(claude, /hook claude --timeout 300/);
  });

  it('shows the installed hooks in the Protection view', async () => {
    await workbench.openAirlockView();
    const pane = workbench.viewPane('Protection');
    let text = '';
    // "verified <time>": each hook passed its self-test through the installed command.
    const verified = (label: string) => new RegExp(`${label}\\s*verified \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d`).test(text);
    await workbench.waitFor(
      async () => {
        text = await pane.innerText();
        // Windsurf: its self-test passes through the installed command outside the editor
        // (test/unit/agents/installed-command.test.ts) but not yet inside code-server, where the
        // view says so ("not verified") rather than claiming it guards. Known defect, see the README.
        const windsurf = verified('Windsurf \\(Cascade\\) hook') || /Windsurf \(Cascade\) hook\s*not verified/.test(text);
        return verified('Cursor hook') && verified('Claude Code hook') && verified('Codex CLI hook') && windsurf;
      },
      'three hooks verified and Windsurf never shown as guarded without a passing self-test',
      30_000,
      () => text,
    );
    await workbench.screenshot('protection-view');
  });

  it('removes exactly what it added: the Claude settings get their original bytes back', async () => {
    await workbench.runCommand('Airlock: Remove Protection');
    const row = workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Cursor (.cursor/hooks.json)' });
    await row.first().waitFor({ timeout: 15_000 });
    await workbench.screenshot('protection-remove-pick');
    await workbench.page.keyboard.press('Enter');
    const claudePath = join(workspace, '.claude/settings.json');
    await workbench.waitFor(
      () =>
        !existsSync(join(workspace, '.cursor/hooks.json')) &&
        !readFileSync(claudePath, 'utf8').includes('hook claude') &&
        !existsSync(join(workspace, '.codex/hooks.json')) &&
        !existsSync(join(workspace, '.windsurf/hooks.json')),
      'the hooks removed',
      15_000,
    );
    assert.equal(readFileSync(claudePath, 'utf8'), CLAUDE_SETTINGS);
    assert.ok(!existsSync(join(workspace, '.github/hooks')), 'no empty folder Airlock created is left behind');
    assert.ok(existsSync(join(workspace, '.codex/AGENTS.md')) && existsSync(join(workspace, '.windsurf/rules/style.md')), 'folders that were there stay');
  });
});
