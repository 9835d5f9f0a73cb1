// What a person sees first: Airlock's icon in the Activity Bar, and its views when clicked.
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startWorkbench, type Workbench } from './support';

describe('Airlock in the Activity Bar', { timeout: 180_000 }, () => {
  let workbench: Workbench;
  before(async () => {
    workbench = await startWorkbench({ files: { 'README.md': '# a project\n' } });
  });
  after(() => workbench?.close());

  it('shows the Airlock icon in the Activity Bar', async () => {
    const item = workbench.activityBarItem('Airlock');
    assert.equal(await item.count(), 1);
    assert.ok(await item.isVisible());
  });

  it('opens the Activity, Exposed Tokens and Protection views when the icon is clicked', async () => {
    await workbench.activityBarItem('Airlock').click();
    await workbench.viewPane('Protection').waitFor();
    assert.deepEqual(await workbench.viewTitles(), ['Activity', 'Exposed Tokens', 'Protection']);
    assert.equal(await workbench.activityBarItem('Airlock').getAttribute('aria-selected'), 'true');
  });

  it('saves a screenshot of the open views under test-results/', async () => {
    await workbench.openAirlockView();
    const path = await workbench.screenshot('airlock-views');
    assert.ok(existsSync(path) && statSync(path).size > 10_000, `${path} is a real screenshot`);
  });
});
