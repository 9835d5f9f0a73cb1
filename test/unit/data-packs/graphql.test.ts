import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseGraphqlBody, isDestructiveFieldName } from '../../../src/core/http/graphql';

test('field names that delete, destroy, drop, remove, purge, wipe, reset, truncate, terminate or revoke', () => {
  for (const name of [
    'volumeDelete',
    'deleteVolume',
    'delete_users',
    'projectDestroy',
    'dropTable',
    'removeMember',
    'purgeCache',
    'wipeData',
    'resetDatabase',
    'truncateLogs',
    'terminateInstance',
    'revokeToken',
    'deleteMany',
    'scheduleDeletion',
    'DELETE_ALL',
  ]) {
    assert.ok(isDestructiveFieldName(name), name);
  }
  for (const name of ['createVolume', 'updateDropdown', 'undeleteItem', 'listedItems', 'volumes', 'serviceInstanceRedeploy', 'settle', 'dropdownOptions']) {
    assert.ok(!isDestructiveFieldName(name), name);
  }
});

test('the incident body, with variables filled in', () => {
  const body = JSON.stringify({ query: 'mutation VolumeDelete($id: String!) { volumeDelete(volumeId: $id) }', variables: { id: 'v-1' } });
  assert.deepEqual(analyseGraphqlBody(body).destructiveFields, ['volumeDelete(volumeId: "v-1")']);
});

test('batched arrays, aliases, fragments, raw documents and form encoding', () => {
  const fields = (body: string) => analyseGraphqlBody(body).destructiveFields.map((f) => f.replace(/\(.*/, ''));
  assert.deepEqual(fields(JSON.stringify([{ query: '{ me { id } }' }, { query: 'mutation { a: projectDelete(id: 1) }' }])), ['projectDelete']);
  assert.deepEqual(fields('mutation { ...F } fragment F on Mutation { purgeAll }'), ['purgeAll']);
  assert.deepEqual(fields('mutation { ... on Mutation { wipeData } }'), ['wipeData']);
  assert.deepEqual(fields('query=mutation+%7B+revokeAll+%7D'), ['revokeAll']);
  assert.deepEqual(fields('# comment\nmutation { dropTable }'), ['dropTable']);
  assert.deepEqual(fields(JSON.stringify({ query: 'query { volumes { id } }' })), []);
  assert.deepEqual(fields(JSON.stringify({ query: 'mutation { createVolume { volumeDelete } }' })), [], 'only top-level mutation fields act');
});

test('what is and is not GraphQL', () => {
  assert.equal(analyseGraphqlBody(JSON.stringify({ query: { match_all: {} } })).documents, 0, 'an Elasticsearch query object is not GraphQL');
  assert.equal(analyseGraphqlBody('{"name":"web"}').documents, 0);
  assert.equal(analyseGraphqlBody('{"query":"phone"}').documents, 0, 'a search API query string is not GraphQL');
  assert.equal(analyseGraphqlBody('{"query":"DROP TABLE x"}').documents, 0, 'nor is SQL');
  assert.equal(analyseGraphqlBody('{"query":"{ viewer { login } }"}').documents, 1);
  assert.equal(analyseGraphqlBody('hello').documents, 0);
  const broken = analyseGraphqlBody('{"query":"mutation { volumeDelete(volumeId: "}');
  assert.equal(broken.unparsed.length, 1, 'a GraphQL-shaped body that does not parse is reported, never passed');
  assert.equal(analyseGraphqlBody('{"query": "mutation {", "broken json').unparsed.length, 1);
});
