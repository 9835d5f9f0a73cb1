// The support library's own checks: terminals, the command palette, input boxes and modal
// dialogs work against the real workbench, so a failing Airlock UI test means Airlock, not the harness.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startWorkbench, type Workbench } from './support';

describe('UI harness against the real workbench', { timeout: 180_000 }, () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({
      files: { 'bin/hello': '#!/bin/sh\necho "hello from $1"\n', 'notes.txt': 'some notes\n' },
      env: { AIRLOCK_UI_MARKER: 'marker-42' },
    });
  });
  after(() => workbench?.close());

  it('runs a line in the integrated terminal and reads its output', async () => {
    await workbench.runInTerminal('./bin/hello terminal; echo "env=$AIRLOCK_UI_MARKER sum=$((40+2))"');
    const text = await workbench.waitForTerminalText('sum=42');
    assert.match(text, /hello from terminal/);
    assert.match(text, /env=marker-42 sum=42/);
  });

  it('types into a quick pick opened by a command and picks an item', async () => {
    await workbench.runCommand('Go to File...');
    await workbench.typeIntoInputBox('notes', { submit: false });
    await workbench.chooseInQuickPick('notes.txt');
    await workbench.inputBox().waitFor({ state: 'hidden' });
    await workbench.page.locator('.tabs-container .tab', { hasText: 'notes.txt' }).waitFor();
  });

  it('types into an input box and submits it with Enter', async () => {
    await workbench.runCommand('Go to Line/Column...');
    await workbench.typeIntoInputBox(':1:6');
    await workbench.inputBox().waitFor({ state: 'hidden' });
    await workbench.page.locator('.statusbar-item', { hasText: 'Ln 1, Col 6' }).waitFor();
  });

  it('finds a modal dialog and clicks its button by label', async () => {
    await workbench.runCommand('File: New Untitled Text File');
    await workbench.page.locator('.monaco-editor textarea').first().waitFor();
    await workbench.page.keyboard.type('unsaved text');
    await workbench.runCommand('View: Close Editor');
    await workbench.waitForModal(/save the changes/i);
    // The order of the buttons follows the platform's convention; their labels do not.
    assert.deepEqual((await workbench.modalButtons()).sort(), ['Cancel', "Don't Save", 'Save']);
    await assert.rejects(workbench.clickModalButton('No Such Button'), /has no button "No Such Button"/);
    await workbench.clickModalButton("Don't Save");
    assert.equal(await workbench.modal().count(), 0);
  });
});
