import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileHoldsSecret, scanFileForSecrets } from '../../../src/core/tokens/files';
import { airlockIgnoreEntry } from '../../../src/core/tokens/ignore-file';
import { WorkspaceScanner } from '../../../src/core/tokens/scan';

const DER = Buffer.from([0x30, 0x82, 0x0a, 0x71, 0x02, 0x01, 0x03, 0x30, 0x82, 0x0a, 0x37, 0x00, 0xff]);

test('.p12/.pfx key stores are findings by their name, in any case and any folder; the read gate says they hold a secret', async () => {
  const root = mkdtempSync(join(tmpdir(), 'airlock-keystore-'));
  try {
    mkdirSync(join(root, 'certs/deep'), { recursive: true });
    for (const rel of ['client.p12', 'certs/SIGNING.PFX', 'certs/deep/server.pfx']) writeFileSync(join(root, rel), DER);
    writeFileSync(join(root, 'certs/readme.p12.txt'), 'how to make a p12 file');
    const { findings } = await new WorkspaceScanner(root).scanAll();
    assert.deepEqual(findings.map((f) => `${f.file} ${f.type}`).sort(), [
      'certs/SIGNING.PFX pkcs12-keystore',
      'certs/deep/server.pfx pkcs12-keystore',
      'client.p12 pkcs12-keystore',
    ]);
    assert.ok(findings.every((f) => f.preview === '(binary file)'));
    assert.equal(await fileHoldsSecret(join(root, 'client.p12')), true);
    assert.equal((await scanFileForSecrets(join(root, 'certs/deep/server.pfx'))).findings[0]?.type, 'pkcs12-keystore');
    assert.equal(await fileHoldsSecret(join(root, 'certs/readme.p12.txt')), false);
    // Accepting one in .airlockignore silences that one only.
    writeFileSync(join(root, '.airlockignore'), `${airlockIgnoreEntry(findings.find((f) => f.file === 'client.p12')!)}\n`);
    const after = await new WorkspaceScanner(root).scanAll();
    assert.deepEqual(after.findings.map((f) => f.file).sort(), ['certs/SIGNING.PFX', 'certs/deep/server.pfx']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
