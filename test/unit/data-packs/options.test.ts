import assert from 'node:assert/strict';
import { test } from 'node:test';
import { optionValues, parsedHasOption, parseOptions } from '../../../src/core/argv';

test('getopt-style reading: valued options, bundles, attached values, --', () => {
  const curl = parseOptions(['-sSXPOST', '-H', 'A: b', '--data=x', 'https://a', '--', '-not-an-option'], { valued: ['-X', '-H', '--data'] });
  assert.deepEqual(optionValues(curl, '-X'), ['POST']);
  assert.deepEqual(optionValues(curl, '--data'), ['x']);
  assert.ok(parsedHasOption(curl, '-s') && parsedHasOption(curl, '-S'));
  assert.deepEqual(curl.positionals, ['https://a', '-not-an-option']);
  // pg_restore -Fc: -F takes the value "c"; it is not --clean.
  const restore = parseOptions(['-Fc', '-d', 'app', 'dump'], { valued: ['-F', '-d'] });
  assert.ok(!parsedHasOption(restore, '-c'));
  assert.deepEqual(restore.positionals, ['dump']);
  // mysql -p: the password is attached or absent, never the next word.
  const mysql = parseOptions(['-u', 'root', '-p', 'shop'], { valued: ['-u'], attachedOnly: ['-p'] });
  assert.deepEqual(mysql.positionals, ['shop']);
  assert.deepEqual(parseOptions(['-pSECRET', 'shop'], { valued: [], attachedOnly: ['-p'] }).positionals, ['shop']);
  // sqlite3 -cmd and wget -nv are single-dash long options.
  const sqlite = parseOptions(['-cmd', '.tables', 'app.db', 'SELECT 1'], { valued: ['-cmd'], singleDashLong: true });
  assert.deepEqual([optionValues(sqlite, '-cmd'), sqlite.positionals], [['.tables'], ['app.db', 'SELECT 1']]);
  assert.deepEqual(parseOptions(['-X'], { valued: ['-X'] }).options, [{ name: '-X' }], 'a valued option at the end has no value');
});
