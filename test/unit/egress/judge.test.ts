import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentCredentials } from '../../../src/core/egress/credentials';
import { type EgressRequest, judgeRequest } from '../../../src/core/egress/judge';

const req = (method: string, url: string, body?: string, headers: Record<string, string> = {}): EgressRequest => ({
  method,
  url,
  headers,
  ...(body !== undefined ? { body } : {}),
});
const rules = (r: EgressRequest) => judgeRequest(r).findings.map((f) => f.rule);

test('destructive requests are held, whatever client built them', () => {
  const railway = 'https://backboard.railway.app/graphql/v2';
  assert.deepEqual(rules(req('POST', railway, '{"query":"mutation { volumeDelete(volumeId: \\"v1\\") }"}')), ['egress.graphql-destructive-mutation']);
  // Ways around a text rule: a variable-bound argument, an aliased field in a fragment, a batched array, PUT instead of POST.
  assert.deepEqual(rules(req('POST', railway, '{"query":"mutation D($id: String!) { volumeDelete(volumeId: $id) }","variables":{"id":"v1"}}')), [
    'egress.graphql-destructive-mutation',
  ]);
  assert.deepEqual(
    rules(req('PUT', railway, '[{"query":"query { me { id } }"},{"query":"mutation { ...F } fragment F on Mutation { x: serviceDelete(id: \\"s\\") }"}]')),
    ['egress.graphql-destructive-mutation'],
  );
  assert.match(
    judgeRequest(req('POST', railway, '{"query":"mutation D($id: String!) { volumeDelete(volumeId: $id) }","variables":{"id":"v1"}}')).findings[0]!.reason,
    /volumeDelete\(volumeId: "v1"\)/,
  );
  // GraphQL over GET, in the query string.
  assert.deepEqual(rules(req('GET', `${railway}?query=${encodeURIComponent('mutation { projectDelete(id: "p") }')}`)), ['egress.graphql-destructive-mutation']);

  assert.deepEqual(rules(req('DELETE', 'https://api.heroku.com/apps/prod')), ['egress.rest-delete']);
  assert.deepEqual(rules(req('DELETE', 'https://management.azure.com/subscriptions/s/resourceGroups/rg?api-version=2021-04-01')), ['egress.rest-delete']);
  assert.deepEqual(rules(req('POST', 'https://api.example.vercel.com/v1/items/7/delete')), ['egress.rest-delete']);
  assert.deepEqual(rules(req('POST', 'https://sqladmin.googleapis.com/v1/projects/p/instances/i:purge')), ['egress.rest-delete']);

  assert.deepEqual(rules(req('POST', 'https://dynamodb.us-east-1.amazonaws.com/', '{"TableName":"t"}', { 'x-amz-target': 'DynamoDB_20120810.DeleteTable' })), [
    'egress.aws-destructive-action',
  ]);
  assert.deepEqual(rules(req('POST', 'https://ec2.amazonaws.com/', 'Action=TerminateInstances&InstanceId.1=i-1&Version=2016-11-15')), [
    'egress.aws-destructive-action',
  ]);
  assert.deepEqual(rules(req('GET', 'https://rds.amazonaws.com/?Action=DeleteDBInstance&DBInstanceIdentifier=prod')), ['egress.aws-destructive-action']);
  assert.deepEqual(rules(req('POST', 'https://bucket.s3.amazonaws.com/?delete', '<Delete><Object><Key>a</Key></Object></Delete>')), [
    'egress.aws-destructive-action',
  ]);

  assert.deepEqual(rules(req('POST', 'https://api.supabase.com/v1/projects/ref/database/query', '{"query":"DROP TABLE bookings"}')), [
    'egress.destructive-sql',
  ]);
});

test('what Airlock cannot read is held, not waved through', () => {
  assert.deepEqual(rules({ method: 'POST', url: 'https://backboard.railway.app/graphql/v2', headers: {}, bodyUnseen: 'larger than 8 MB' }), [
    'egress.unseen-body',
  ]);
  assert.deepEqual(rules(req('POST', 'https://backboard.railway.app/graphql/v2', '\x00\x01binary')), ['egress.graphql-unreadable']);
  assert.deepEqual(rules(req('POST', 'https://api.example.railway.app/graphql', '{"query": "mutation { volumeDelete(volumeId: "unterminated }"}')), [
    'egress.graphql-unreadable',
  ]);
});

test('benign requests pass: reads, creations, searches that merely mention a destructive word', () => {
  for (const r of [
    req('GET', 'https://backboard.railway.app/graphql/v2?query=%7Bme%7Bid%7D%7D'),
    req('POST', 'https://backboard.railway.app/graphql/v2', '{"query":"query { projects { edges { node { name } } } }"}'),
    req('POST', 'https://backboard.railway.app/graphql/v2', '{"query":"mutation { projectCreate(input: {name: \\"x\\"}) { id } }"}'),
    req('POST', 'https://api.supabase.com/v1/projects/ref/database/query', '{"query":"SELECT count(*) FROM bookings"}'),
    req('POST', 'https://dynamodb.us-east-1.amazonaws.com/', '{"TableName":"t"}', { 'x-amz-target': 'DynamoDB_20120810.DescribeTable' }),
    req('PUT', 'https://bucket.s3.amazonaws.com/reports/deleted-users.csv', 'id\n1\n'),
    req('POST', 'https://api.vercel.com/v13/deployments', '{"name":"site","note":"mutation { volumeDelete }"}'),
    req('GET', 'https://api.github.com/repos/o/r/issues?state=closed'),
  ])
    assert.deepEqual(judgeRequest(r).findings, [], `${r.method} ${r.url}`);
});

test('credentials are read from every place a client puts them', () => {
  const places = (h: Record<string, string>, url = 'https://x.example/') => sentCredentials(h, url).map((c) => `${c.place}=${c.value}`);
  assert.deepEqual(places({ authorization: 'Bearer abcdefgh12345678' }), ['bearer token in the Authorization header=abcdefgh12345678']);
  assert.deepEqual(places({ authorization: `Basic ${Buffer.from('user:s3cretpassw0rd').toString('base64')}` }), [
    'basic auth in the Authorization header=s3cretpassw0rd',
  ]);
  assert.deepEqual(
    places({ authorization: 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc' }),
    ['AWS signature (access key id)=AKIAIOSFODNN7EXAMPLE'],
  );
  assert.deepEqual(places({ 'project-access-token': 'railway-project-token-1' }), ['project-access-token header=railway-project-token-1']);
  assert.deepEqual(places({}, 'https://x.example/?access_token=querytoken123'), ['?access_token=querytoken123']);
  assert.deepEqual(places({ authorization: 'Bearer' }), []);
});
