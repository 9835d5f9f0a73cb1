import assert from 'node:assert/strict';
import { test } from 'node:test';
import pkg from '../../../package.json';
import { DEFAULT_EXCLUDES, DEFAULT_PROTECTED_FILES } from '../../../src/core/tokens/index';

const properties = pkg.contributes.configuration.properties as Record<string, { default?: unknown }>;

test('the settings defaults are the core lists the CLI, the gates and the scanner use', () => {
  assert.deepEqual(properties['airlock.gates.protectedFiles']?.default, [...DEFAULT_PROTECTED_FILES]);
  assert.deepEqual(properties['airlock.tokens.exclude']?.default, [...DEFAULT_EXCLUDES]);
});

test('every token command is contributed with the Airlock category, and the view welcome names a real one', () => {
  const commands = new Map(pkg.contributes.commands.map((c: { command: string; category?: string }) => [c.command, c]));
  for (const id of [
    'airlock.scanWorkspace',
    'airlock.tokens.cancelScan',
    'airlock.tokens.blockAgentReads',
    'airlock.tokens.ignoreFinding',
    'airlock.tokens.copyRotationChecklist',
  ]) {
    assert.equal(commands.get(id)?.category, 'Airlock', id);
  }
  const welcome = pkg.contributes.viewsWelcome.find((w: { view: string }) => w.view === 'airlock.tokens');
  assert.match(welcome!.contents, /command:airlock\.scanWorkspace/);
});
