// Commands compared by words: exact for approvals, with run-time words as wildcards for the watcher.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { asLineCommand, couldExpandTo, lineCommands, sameCommand } from '../../../src/core/shell/command-match';
import { loadShellParser } from '../../../src/core/shell/parser';

before(() => loadShellParser());

test('sameCommand: same words in the same folder only', () => {
  const [rm] = lineCommands('cd /w && sudo rm -rf "a b"', '/')!.filter((c) => c.argv[0] === 'rm');
  assert.ok(sameCommand(rm!, ['rm', '-rf', 'a b'], '/w'));
  assert.ok(!sameCommand(rm!, ['rm', '-rf', 'a'], '/w'));
  assert.ok(!sameCommand(rm!, ['rm', '-rf', 'a b'], '/'));
  assert.ok(!sameCommand(asLineCommand(['rm', '$X'], '/w'), ['rm', '$X'], '/w'), 'a run-time word is never approved as such');
});

test('couldExpandTo: run-time words stand for what the shell made of them, known parts must match', () => {
  const typed = (line: string) => lineCommands(line, '/')![0]!;
  assert.ok(couldExpandTo(typed('rm -rf $D'), ['rm', '-rf', '/srv']));
  assert.ok(couldExpandTo(typed('rm $F /srv'), ['rm', '-r', '-f', '/srv']));
  assert.ok(couldExpandTo(typed('rm $F /srv'), ['rm', '/srv']));
  assert.ok(couldExpandTo(typed('rm -rf "$D"/x'), ['rm', '-rf', '/srv/x']));
  assert.ok(!couldExpandTo(typed('rm -rf "$D"/x'), ['rm', '-rf', '/srv/y']));
  assert.ok(!couldExpandTo(typed('rm -rf /srv'), ['rm', '-rf', '/srv/x']));
});
