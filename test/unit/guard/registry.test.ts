// The pack registry: one list, and the fields that replaced hand-kept lists elsewhere.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCommand } from '../../../src/core/guard/engine';
import { helpSubcommandTools, packageTools, packs } from '../../../src/core/guard/packs/index';
import { packageTool } from '../../../src/core/shell/unwrap';

test('the registry lists every pack folder exactly once, one line each', () => {
  const dir = join(__dirname, '../../../src/core/guard/packs');
  const source = readFileSync(join(dir, 'registry.ts'), 'utf8');
  const listed = source
    .split('\n')
    .filter((l) => l.startsWith('export '))
    .map((l) => /from '\.\/([^']+)'/.exec(l)?.[1]);
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  assert.deepEqual([...listed].sort(), folders, 'one registry line per pack folder, no more, no less');
  assert.equal(listed.length, packs.length);
  const ids = packs.map((p) => p.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'pack ids are unique',
  );
});

test("the unwrapper names a package's binary from the packs' `packages`, versions and scopes included", () => {
  const declared = Object.entries(packageTools());
  assert.ok(declared.length > 10, 'packs declare their npm packages');
  for (const [name, tool] of declared) {
    assert.equal(packageTool(name), tool, name);
    assert.equal(packageTool(`${name}@1.2.3`), tool, `${name}@1.2.3`);
  }
  // A package no pack declares keeps its own (unscoped) name.
  assert.equal(packageTool('@acme/deployer@2'), 'deployer');
  assert.equal(packageTool('cowsay'), 'cowsay');
});

test("a pack's `packages` reach the rules through npx, pnpm dlx and bunx", async () => {
  for (const line of [
    'npx @railway/cli volume delete vol_1',
    'pnpm dlx @railway/cli@3 volume delete vol_1',
    'bunx @railway/cli volume delete vol_1',
    'npx -y firebase-tools projects:delete p1',
  ]) {
    assert.notEqual((await checkCommand(line, { cwd: '/home/dev/project' })).decision, 'allow', line);
  }
});

test('`tool help ...` skips the rules only for tools whose pack says so', async () => {
  assert.ok(helpSubcommandTools().has('git') && !helpSubcommandTools().has('find'));
  assert.equal((await checkCommand('git help reset --hard', { cwd: '/home/dev/project' })).decision, 'allow');
  assert.equal((await checkCommand('gcloud help projects delete my-proj', { cwd: '/home/dev/project' })).decision, 'allow');
  assert.notEqual((await checkCommand('find help -delete', { cwd: '/home/dev/project' })).decision, 'allow', 'for find, help is a folder');
});

test('a rule that leaves out keywords gets its tools as keywords', () => {
  for (const pack of packs) for (const rule of pack.rules) assert.ok(rule.keywords.length > 0, `${rule.id} has keywords`);
});
