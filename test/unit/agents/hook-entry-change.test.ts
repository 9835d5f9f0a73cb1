// The editor's watcher decides from this whether a change to an installed hook file removed or
// altered Airlock's entry (alert) or left it intact, or was Airlock's own install or removal (no alert).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { hookCommand } from '../../../src/core/protection/hook-config';
import { hookEntryChange } from '../../../src/core/protection/hook-entry-change';
import { isOwnWrite } from '../../../src/core/protection/own-writes';
import { type InstallMemory, type InstallRecord, installHooks, removeHooks } from '../../../src/extension/protection/hook-installer';
import { workspaceTargets } from '../../../src/extension/protection/hook-targets';

const launcher = '/opt/airlock/bin/airlock';

function memory(): InstallMemory {
  const map = new Map<string, InstallRecord>();
  return { get: (p) => map.get(p), set: (p, v) => void (v ? map.set(p, v) : map.delete(p)) };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

test("Airlock's own install and removal never alert; anyone else's removal or change of its entry does", async () => {
  const ws = mkdtempSync(join(tmpdir(), 'obs-entry-'));
  try {
    for (const target of workspaceTargets(ws).filter((t) => ['cursor', 'vscode', 'claude', 'windsurf', 'copilot'].includes(t.agent))) {
      const mem = memory();
      const command = hookCommand(launcher, target.agent);
      const judge = () =>
        hookEntryChange({
          format: target.format,
          text: read(target.path),
          command,
          installedByAirlock: mem.get(target.path) !== undefined,
          ownWrite: isOwnWrite(target.path, read(target.path)),
        });
      assert.equal(judge(), 'not-ours', `${target.label}: nothing installed`);
      await installHooks(target, launcher, mem);
      assert.equal(judge(), 'intact', `${target.label}: Airlock's install`);

      // Another hook added beside Airlock's: nothing to say.
      const withOther = JSON.parse(read(target.path)!);
      withOther.someoneElse = true;
      writeFileSync(target.path, JSON.stringify(withOther, null, 2));
      assert.equal(judge(), 'intact', `${target.label}: another key added`);

      // failClosed dropped, another command, a shorter timeout: altered.
      const text = read(target.path)!;
      writeFileSync(target.path, text.replace('/opt/airlock/bin/airlock hook', '/opt/airlock/bin/airlock  hook'));
      assert.equal(judge(), 'altered', `${target.label}: command changed`);
      writeFileSync(target.path, text.replace(/"hooks"\s*:\s*\{[\s\S]*\}\s*,?\s*"someoneElse"/, '"hooks": {}, "someoneElse"'));
      assert.equal(judge(), 'removed', `${target.label}: entry removed`);
      writeFileSync(target.path, '{ not json');
      assert.equal(judge(), 'removed', `${target.label}: unreadable`);
      unlinkSync(target.path);
      assert.equal(judge(), 'removed', `${target.label}: file deleted`);

      // Airlock's own removal: its memory forgets the file, and the bytes are its own.
      await installHooks(target, launcher, mem);
      await removeHooks(target, mem);
      assert.equal(judge(), 'not-ours', `${target.label}: Airlock removed it`);
    }
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});

test("a write of exactly the bytes Airlock last wrote counts as Airlock's own", async () => {
  const ws = mkdtempSync(join(tmpdir(), 'obs-own-'));
  try {
    const target = workspaceTargets(ws).find((t) => t.agent === 'cursor')!;
    const mem = memory();
    await installHooks(target, launcher, mem);
    const mine = read(target.path)!;
    assert.equal(isOwnWrite(target.path, mine), true);
    assert.equal(isOwnWrite(target.path, `${mine} `), false);
    assert.equal(isOwnWrite(join(ws, 'other.json'), mine), false);
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});
