// Installing and removing protection as a person does it: the palette command, the pick list of
// hook files, the files written (merged into what was there), the Protection view, and removal
// giving back the original bytes. Screenshot: test-results/ui/protection-view.png
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeWorkspace, startWorkbench, type Workbench } from './support';

const CLAUDE_SETTINGS = '{\n  // the team\'s formatter hook stays\n  "hooks": {\n    "PostToolUse": [ { "matcher": "Edit", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] } ]\n  }\n}\n';

describe('protecting a workspace', { timeout: 240_000 }, () => {
  let workbench: Workbench;
  let workspace: string;

  before(async () => {
    workspace = makeWorkspace({ '.cursor/rules/style.md': 'Be brief.\n', '.claude/settings.json': CLAUDE_SETTINGS, 'README.md': '# app\n' });
    workbench = await startWorkbench({ workspace });
  });

  after(async () => {
    await workbench?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('installs the hooks of the detected agents, merged into the existing files', async () => {
    await workbench.runCommand('Airlock: Protect this workspace');
    await workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Claude Code (.claude/settings.json)' }).first().waitFor({ timeout: 15_000 });
    await workbench.page.keyboard.press('Enter');
    const claudePath = join(workspace, '.claude/settings.json');
    await workbench.waitFor(() => existsSync(join(workspace, '.cursor/hooks.json')) && readFileSync(claudePath, 'utf8').includes('hook claude'), 'both hook files written', 15_000);
    const cursor = JSON.parse(readFileSync(join(workspace, '.cursor/hooks.json'), 'utf8'));
    assert.equal(cursor.version, 1);
    assert.match(cursor.hooks.beforeShellExecution[0].command, /airlock-dev\.airlock\/bin\/airlock" hook cursor --timeout 30$|airlock-dev\.airlock\/bin\/airlock hook cursor --timeout 30$/);
    assert.equal(cursor.hooks.beforeReadFile[0].failClosed, true);
    const claude = readFileSync(join(workspace, '.claude/settings.json'), 'utf8');
    assert.match(claude, /\/\/ the team's formatter hook stays/);
    assert.match(claude, /npx prettier --write/);
    assert.match(claude, /hook claude --timeout 300/);
  });

  it('shows the installed hooks in the Protection view', async () => {
    await workbench.openAirlockView();
    const pane = workbench.viewPane('Protection');
    let text = '';
    await workbench.waitFor(async () => { text = await pane.innerText(); return /Cursor agent hook\s*on/.test(text) && /Claude Code hook\s*on/.test(text); }, 'both hooks on in the Protection view', 20_000, () => text);
    await workbench.screenshot('protection-view');
  });

  it('removes exactly what it added: the Claude settings get their original bytes back', async () => {
    await workbench.runCommand('Airlock: Remove protection');
    const row = workbench.inputBox().locator('.monaco-list-row').filter({ hasText: 'Cursor (.cursor/hooks.json)' });
    await row.first().waitFor({ timeout: 15_000 });
    await workbench.screenshot('protection-remove-pick');
    await workbench.page.keyboard.press('Enter');
    const claudePath = join(workspace, '.claude/settings.json');
    await workbench.waitFor(() => !existsSync(join(workspace, '.cursor/hooks.json')) && !readFileSync(claudePath, 'utf8').includes('hook claude'), 'both hooks removed', 15_000);
    assert.equal(readFileSync(claudePath, 'utf8'), CLAUDE_SETTINGS);
  });
});
