import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckResult } from '../../../src/core/findings';
import { SAMPLE_COMMAND, sampleConfirmationView } from '../../../src/extension/walkthrough/sample-confirmation';

const check: CheckResult = {
  decision: 'ask',
  environment: 'production',
  findings: [
    {
      rule: 'railway.volume-delete',
      severity: 'critical',
      decision: 'ask',
      reason: 'deletes the volume and its backups',
      resource: 'a Railway volume and every byte on it',
      segment: SAMPLE_COMMAND,
    },
  ],
  target: {
    name: 'staging',
    resource: 'vol_7f3a9c',
    environment: 'production',
    sharedWith: ['production'],
    evidence: [{ source: 'shared resource', value: 'staging and production both use volume vol_7f3a9c' }],
  },
};

test('the walkthrough sample is marked as a sample before the environment, and says nothing runs', () => {
  const view = sampleConfirmationView(check, '/work/demo');
  assert.match(view.title, /^SAMPLE \(nothing will run\) · PRODUCTION — from shared resource/);
  assert.match(view.detail, /Will run: railway volume delete --volume vol_7f3a9c --yes/);
  assert.match(view.detail, /only shown back to you/);
  assert.equal(view.confirmation, 'typed');
  assert.equal(view.typedAnswer, 'production');
});
