import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { WorkspaceScanner } from '../../../src/core/tokens/scan';
import expected from '../../fixtures/tokens/expected.json';

const fixtures = resolve(__dirname, '../../fixtures/tokens');

test('planted fixture: at least 95% recall, each at its line, with the right type', async () => {
  const { findings } = await new WorkspaceScanner(resolve(fixtures, 'planted')).scanAll();
  const found = expected.filter((e) => findings.some((f) => `planted/${f.file}` === e.file && f.line === e.line));
  assert.ok(found.length / expected.length >= 0.95, `recall ${found.length}/${expected.length}`);
  const wrongType = expected.filter((e) => findings.some((f) => `planted/${f.file}` === e.file && f.line === e.line && f.type !== e.type));
  assert.deepEqual(wrongType, []);
  const unexpected = findings.filter((f) => !expected.some((e) => e.file === `planted/${f.file}` && e.line === f.line));
  assert.deepEqual(
    unexpected.map((f) => `${f.file}:${f.line} ${f.type}`),
    [],
  );
});

test('negatives fixture: placeholders, references, examples, public and publishable keys, hashes, ids, images: no false alarm', async () => {
  const { findings, filesScanned } = await new WorkspaceScanner(resolve(fixtures, 'negatives')).scanAll();
  assert.ok(filesScanned >= 10);
  assert.deepEqual(
    findings.map((f) => `${f.file}:${f.line} ${f.type}`),
    [],
  );
});
