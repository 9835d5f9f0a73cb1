import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ownerIndex } from '../../../src/extension/activity/event-routing';

const roots = ['/work/app', '/work/app/packages/api', '/work/infra'];

test('an event goes to the innermost workspace folder holding its cwd', () => {
  assert.equal(ownerIndex({ cwd: '/work/app/src' }, roots), 0);
  assert.equal(ownerIndex({ cwd: '/work/app/packages/api/src' }, roots), 1);
  assert.equal(ownerIndex({ cwd: '/work/infra' }, roots), 2);
});

test('an absolute file decides when there is no cwd; otherwise the first folder', () => {
  assert.equal(ownerIndex({ file: '/work/infra/.env' }, roots), 2);
  assert.equal(ownerIndex({ file: '.env' }, roots), 0);
  assert.equal(ownerIndex({}, roots), 0);
  assert.equal(ownerIndex({ cwd: '/elsewhere' }, roots), 0);
});

test('a folder whose name only starts like a root is not inside it', () => {
  assert.equal(ownerIndex({ cwd: '/work/infrastructure' }, roots), 0);
  assert.equal(ownerIndex({ cwd: '/work/infra' }, [undefined, '/work/infra']), 1);
});
