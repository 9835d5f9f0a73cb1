// Exposed tokens as a person sees them: the Exposed Tokens view and the Problems panel after the
// background scan. Screenshots: test-results/ui/tokens-*.png
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { withCrc32Base62Checksum } from '../../src/core/tokens/checksum';
import { startWorkbench, type Workbench } from './support';

// Synthetic, format-valid values (the GitHub one has a valid checksum; neither was ever issued).
const github = withCrc32Base62Checksum('ghp_', 'FAKEq8Zr2LmX0vB7nT4kY9wE3sJ6aQ');
const railway = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('exposed tokens in the workbench', { timeout: 240_000 }, () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await startWorkbench({
      files: {
        'README.md': '# pocket-rentals\n',
        '.env': `RAILWAY_API_TOKEN=${railway}\n`,
        'ops/deploy.sh': `#!/bin/sh\ngit push https://${github}@github.com/acme/app.git\nRAILWAY_TOKEN=${railway} railway up\n`,
      },
    });
  });
  after(() => workbench?.close());

  it('lists the tokens in the Exposed Tokens view, by file, without the secrets', async () => {
    await workbench.openAirlockView();
    const pane = workbench.viewPane('Exposed Tokens');
    // The file node renders before its findings: wait for what the assertions need, not the first sign of life.
    await workbench.waitFor(
      async () => {
        const shown = await pane.innerText();
        return /deploy\.sh/.test(shown) && /GitHub classic personal access token/.test(shown);
      },
      'ops/deploy.sh and its GitHub token in the Exposed Tokens view',
      60_000,
    );
    const text = await pane.innerText();
    assert.match(text, /GitHub classic personal access token/);
    assert.match(text, /agents can read/);
    for (const secret of [github, railway]) assert.ok(!text.includes(secret), 'a secret is shown in the view');
    await workbench.screenshot('tokens-view');
  });

  it('shows them in the Problems panel with source Airlock', async () => {
    await workbench.page.keyboard.press('Control+Shift+M');
    const problems = workbench.page.locator('.markers-panel');
    await workbench.waitFor(async () => /Railway account or team token/.test(await problems.innerText().catch(() => '')), 'Airlock problems', 30_000);
    const text = await problems.innerText();
    assert.match(text, /Airlock/);
    for (const secret of [github, railway]) assert.ok(!text.includes(secret), 'a secret is shown in Problems');
    await workbench.screenshot('tokens-problems');
  });
});
