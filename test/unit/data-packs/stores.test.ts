import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseMongoScript, analyseRedisCommands } from '../../../src/core/sql/index';

test('Redis: FLUSHALL and FLUSHDB are found as commands, not as data', () => {
  assert.deepEqual(
    analyseRedisCommands('PING\nflushall async\n').map((h) => h.command),
    ['FLUSHALL'],
  );
  assert.deepEqual(analyseRedisCommands('SET key "FLUSHALL"\nGET flushdb'), []);
  assert.deepEqual(
    analyseRedisCommands(`EVAL "return redis.call('flushdb')" 0`).map((h) => h.command),
    ['FLUSHDB'],
  );
  assert.deepEqual(analyseRedisCommands(`EVAL "return redis.call('get', 'flushall')" 0`), []);
  assert.deepEqual(
    analyseRedisCommands('FUNCTION FLUSH').map((h) => h.command),
    ['FUNCTION FLUSH'],
  );
  assert.deepEqual(
    analyseRedisCommands(`EVAL "for _,k in ipairs(redis.call('keys', ARGV[1])) do redis.call('del', k) end" 0 x:*`).map((h) => h.kind),
    ['bulk-delete'],
  );
  assert.deepEqual(analyseRedisCommands(`EVAL "return redis.call('del', KEYS[1])" 1 session:42`), [], 'deleting the named key is routine');
});

test('MongoDB: drops, and deletes or updates with an empty filter', () => {
  const kinds = (js: string) => analyseMongoScript(js).map((h) => h.kind);
  assert.deepEqual(kinds('db.dropDatabase()'), ['drop-database']);
  assert.deepEqual(kinds("db.getSiblingDB('shop').dropDatabase()"), ['drop-database']);
  assert.deepEqual(kinds('db.orders.drop()'), ['drop-collection']);
  assert.deepEqual(kinds("db.getCollection('orders').drop()"), ['drop-collection']);
  assert.deepEqual(kinds("db['orders'].drop()"), ['drop-collection']);
  assert.deepEqual(kinds('db.s.deleteMany({})'), ['delete-all']);
  assert.deepEqual(kinds('db.s.deleteMany( { } )'), ['delete-all']);
  assert.deepEqual(kinds('db.s.remove()'), ['delete-all']);
  assert.deepEqual(kinds('db.s.updateMany({}, {$set: {a: 1}})'), ['update-all']);
  assert.deepEqual(kinds('db.runCommand({ dropDatabase: 1 })'), ['drop-database']);
  assert.deepEqual(kinds('db.runCommand({ drop: "orders" })'), ['drop-collection']);
  assert.deepEqual(kinds('db.s.deleteMany({ expired: true })'), []);
  assert.deepEqual(kinds('_.drop([1, 2, 3], 1)'), []);
  assert.deepEqual(kinds("print('db.dropDatabase()') // db.orders.drop()"), []);
});
