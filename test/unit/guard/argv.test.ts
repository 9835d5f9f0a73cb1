// The one argument reader (src/core/argv.ts): raw scans and the getopt-style parse agree on
// what an option, a value and a positional are, and `hasOption` means one thing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandStart, flagValue, hasFlag, hasOption, optionValue, parsedHasOption, parseOptions, positionals } from '../../../src/core/argv';

test('hasFlag opens short bundles; hasOption never does; parsedHasOption reads a parse', () => {
  assert.ok(hasFlag(['-rf', 'x'], '-f'));
  assert.ok(!hasOption(['-rf', 'x'], '-f'), 'hasOption is exact: -f is not given on its own');
  assert.ok(hasOption(['--force=true'], '--force'));
  assert.ok(!hasOption(['--', '--force'], '--force'), 'after -- it is a positional');
  assert.ok(parsedHasOption(parseOptions(['-rf'], { valued: [] }), '-f'), 'a parse opens bundles');
  assert.ok(!parsedHasOption(parseOptions(['-Fc'], { valued: ['-F'] }), '-c'), 'but not into a value');
});

test('values: last one wins; attached short values only where asked', () => {
  assert.equal(flagValue(['-n', 'a', '-nb'], '-n'), 'b');
  assert.equal(optionValue(['-nb', '--name', 'c'], '-n', '--name'), 'c');
  assert.equal(optionValue(['-nb'], '-n'), undefined);
  assert.deepEqual(positionals(['-n', 'prod', 'delete', '--', '-x'], ['-n']), ['delete', '-x']);
});

test("commandStart finds where a wrapper's own options end (what unwrap.ts skipOptions uses)", () => {
  assert.equal(commandStart(['sudo', '-u', 'root', 'rm', '-rf', '/'], 1, ['-u']), 3);
  assert.equal(commandStart(['timeout', '-s', 'KILL', '10', 'rm'], 1, ['-s'], 1), 4);
  assert.equal(commandStart(['sudo', '--', 'rm'], 1, []), 2);
  assert.equal(commandStart(['sudo', '-i'], 1, []), -1);
  assert.equal(commandStart(['sudo', '--'], 1, []), -1);
});
