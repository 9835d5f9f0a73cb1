import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sqlHazardsInBody, sqlHazardsInParams } from '../../../src/core/http/sql-body';

const kinds = (body: string) => sqlHazardsInBody(body).map((h) => h.kind);

test('SQL in JSON fields, raw bodies and query parameters', () => {
  assert.deepEqual(kinds('{"query":"DROP TABLE bookings"}'), ['drop']);
  assert.deepEqual(kinds('{"sql":"SELECT 1; DELETE FROM sessions"}'), ['delete-all']);
  assert.deepEqual(kinds('[{"statement":"TRUNCATE events"}]'), ['truncate']);
  assert.deepEqual(kinds('{"statements":["SELECT 1","ALTER TABLE t DROP COLUMN c"]}'), ['alter-drop']);
  assert.deepEqual(kinds('DROP DATABASE analytics'), ['drop']);
  assert.deepEqual(kinds('query=DELETE+FROM+events'), ['delete-all']);
  assert.deepEqual(
    sqlHazardsInParams('database=x&query=DROP%20TABLE%20t').map((h) => h.kind),
    ['drop'],
  );
});

test('search strings and reads are not SQL hazards', () => {
  assert.deepEqual(kinds('{"query":"drop shipping"}'), []);
  assert.deepEqual(kinds('{"query":"truncate long titles"}'), []);
  assert.deepEqual(kinds('{"query":"DELETE FROM t WHERE id = 1"}'), []);
  assert.deepEqual(kinds('{"query":"SELECT * FROM t"}'), []);
  assert.deepEqual(kinds('{"note":"DROP TABLE users"}'), [], 'only fields named like SQL are read');
  assert.deepEqual(kinds('{"query":"mutation { volumeDelete(volumeId: 1) }"}'), []);
  assert.deepEqual(kinds('not json {'), []);
});
