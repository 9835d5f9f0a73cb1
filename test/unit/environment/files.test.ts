import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { describeError, FileCache, MAX_FILE_BYTES } from '../../../src/core/environment/files';

const dir = mkdtempSync(join(tmpdir(), 'airlock-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('parsed files are cached until their mtime or size changes', () => {
  const cache = new FileCache();
  const path = join(dir, 'config');
  writeFileSync(path, 'current-context: a\n');
  let parses = 0;
  const parse = (t: string) => {
    parses++;
    return t.trim();
  };
  assert.deepEqual(cache.parsed(path, 'k', parse), { ok: true, value: 'current-context: a' });
  cache.parsed(path, 'k', parse);
  assert.equal(parses, 1, 'a second read of an unchanged file is served from the cache');
  writeFileSync(path, 'current-context: prod\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(path, later, later);
  assert.deepEqual(cache.parsed(path, 'k', parse), { ok: true, value: 'current-context: prod' });
  assert.equal(parses, 2);
});

test('parse failures are cached reasons, never thrown', () => {
  const cache = new FileCache();
  const path = join(dir, 'bad.json');
  writeFileSync(path, '{"token": "secret-value", ');
  const result = cache.parsed(path, 'json', (t) => JSON.parse(t) as unknown);
  assert.equal(result.ok, false);
  assert.match((result as { reason: string }).reason, /^cannot be parsed/);
  assert.doesNotMatch((result as { reason: string }).reason, /secret-value/, 'parser messages never echo file contents');
});

test('size cap, binary content and missing files', () => {
  const cache = new FileCache();
  writeFileSync(join(dir, 'big'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x41));
  writeFileSync(join(dir, 'bin'), Buffer.from([1, 0, 2]));
  assert.match((cache.text(join(dir, 'big')) as { reason: string }).reason, /too large/);
  assert.match((cache.text(join(dir, 'bin')) as { reason: string }).reason, /NUL bytes/);
  assert.deepEqual(cache.text(join(dir, 'nope')), { ok: false, reason: 'does not exist' });
});

test('describeError keeps only a short first clause', () => {
  assert.equal(describeError(Object.assign(new Error('x'), { code: 'ELOOP' })), 'is a symlink loop');
  assert.equal(describeError(new Error('Unexpected token \'}\', "{"password": "hunter2"}" is not valid JSON')), 'Unexpected token');
});
