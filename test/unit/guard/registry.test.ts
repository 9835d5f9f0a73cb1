// The pack registry: one list, and the fields that replaced hand-kept lists elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommand } from '../../../src/core/guard/engine';
import { helpSubcommandTools, packageTools, packs } from '../../../src/core/guard/packs/index';
import { PACKAGE_TOOLS } from '../../../src/core/shell/unwrap';

test('the registry lists every pack folder exactly once, one line each', () => {
  const dir = join(__dirname, '../../../src/core/guard/packs');
  const source = readFileSync(join(dir, 'registry.ts'), 'utf8');
  const listed = source.split('\n').filter((l) => l.startsWith('export ')).map((l) => /from '\.\/([^']+)'/.exec(l)?.[1]);
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  assert.deepEqual([...listed].sort(), folders, 'one registry line per pack folder, no more, no less');
  assert.equal(listed.length, packs.length);
  const ids = packs.map((p) => p.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'pack ids are unique');
});

test('the unwrapper\'s npm package table is exactly what the packs declare', () => {
  // Until the shell layer reads the packs' `packages` itself, this keeps its copy from drifting.
  assert.deepEqual(Object.entries(PACKAGE_TOOLS).sort(), Object.entries(packageTools()).sort());
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
