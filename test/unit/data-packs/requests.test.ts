import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopback, providerOf, urlTarget } from '../../../src/core/http/hosts';
import { type RequestInput, readRequests } from '../../../src/core/http/index';
import type { StdinSource } from '../../../src/core/shell/command';

const files: Record<string, string> = { 'body.json': '{"query":"mutation { volumeDelete(volumeId: \\"v\\") }"}' };
const input = (args: string[], stdin?: StdinSource): RequestInput => ({ args, ...(stdin ? { stdin } : {}), read: (p) => files[p] });
const one = (tool: string, args: string[], stdin?: StdinSource) => {
  const requests = readRequests(tool, input(args, stdin));
  assert.equal(requests.length, 1, `${tool} ${args.join(' ')} sends one request`);
  return requests[0]!;
};

test('curl: method from -X, a body (POST), -G, -I and -T; URLs past valued options', () => {
  assert.equal(one('curl', ['https://x.dev']).method, 'GET');
  assert.equal(one('curl', ['-d', 'a=1', 'https://x.dev']).method, 'POST');
  assert.equal(one('curl', ['-G', '-d', 'a=1', 'https://x.dev']).method, 'GET');
  assert.equal(one('curl', ['-I', 'https://x.dev']).method, 'HEAD');
  assert.equal(one('curl', ['-T', 'f', 'https://x.dev']).method, 'PUT');
  assert.equal(one('curl', ['-sSXDELETE', 'https://x.dev']).method, 'DELETE');
  assert.equal(one('curl', ['-sX', 'delete', 'https://x.dev']).method, 'DELETE');
  assert.deepEqual(one('curl', ['-H', 'Authorization: Bearer x', '-o', 'out.json', 'https://x.dev/a']).urls, ['https://x.dev/a']);
  assert.deepEqual(one('curl', ['--url', 'https://x.dev/b']).urls, ['https://x.dev/b']);
});

test('curl: bodies from -d, --data-raw, --json, @file, @- and --data-urlencode', () => {
  const texts = (args: string[], stdin?: StdinSource) =>
    one('curl', [...args, 'https://x.dev']).bodies.map((b) => (b.kind === 'text' ? b.text : `unseen ${b.from}`));
  assert.deepEqual(texts(['-d', '@body.json']), [files['body.json']]);
  assert.deepEqual(texts(['--data-raw', '@body.json']), ['@body.json'], '--data-raw does not read files');
  assert.deepEqual(texts(['--json', '{"a":1}']), ['{"a":1}']);
  assert.deepEqual(texts(['--data-urlencode', 'query=mutation { x }']), ['query=mutation { x }']);
  assert.match(texts(['-d', '@missing.json'])[0]!, /^unseen -d @missing.json/);
  assert.deepEqual(
    one('curl', ['-d', '@-', 'https://x.dev'], { kind: 'text', text: 'hi', from: 'heredoc' }).bodies.map((b) => b.kind),
    ['text'],
  );
  assert.deepEqual(
    one('curl', ['-d', '@-', 'https://x.dev'], { kind: 'opaque', from: 'gen' }).bodies.map((b) => b.kind),
    ['unseen'],
  );
  assert.deepEqual(
    one('curl', ['-d', '@-', 'https://x.dev'], { kind: 'file', path: 'body.json' }).bodies.map((b) => b.kind),
    ['text'],
  );
});

test('curl file uploads (-F name=@file, -T) carry a file, not a body to read; -F name=<file does', () => {
  assert.deepEqual(
    one('curl', ['-F', 'file=@build.zip', '-F', 'title=v2', 'https://x.dev']).bodies.map((b) => b.kind === 'text' && b.text),
    ['v2'],
  );
  assert.deepEqual(one('curl', ['-T', 'site.tar.gz', 'https://x.dev']).bodies, []);
  assert.deepEqual(
    one('curl', ['-F', 'query=<body.json', 'https://x.dev']).bodies.map((b) => b.kind),
    ['text'],
  );
  assert.deepEqual(
    one('curl', ['-F', 'query=<missing.json', 'https://x.dev']).bodies.map((b) => b.kind),
    ['unseen'],
  );
});

test('curl --next starts a second request', () => {
  const requests = readRequests('curl', input(['https://a.dev', '--next', '-X', 'DELETE', 'https://b.dev']));
  assert.deepEqual(
    requests.map((r) => `${r.method} ${r.urls[0]}`),
    ['GET https://a.dev', 'DELETE https://b.dev'],
  );
});

test('httpie and xh: method word, request items, stdin, --offline', () => {
  const r = one('http', ['POST', 'api.dev/graphql', 'query=mutation { x }', 'n:=1', 'Authorization:Bearer t', 'page==2']);
  assert.equal(r.method, 'POST');
  assert.deepEqual(r.urls, ['http://api.dev/graphql']);
  assert.deepEqual(
    r.bodies.map((b) => b.kind === 'text' && JSON.parse(b.text)),
    [{ query: 'mutation { x }', n: 1 }],
  );
  assert.equal(one('xh', ['delete', 'api.dev/x']).method, 'DELETE');
  assert.equal(one('http', ['api.dev/x']).method, 'GET');
  assert.equal(one('http', ['api.dev/x', 'a=b']).method, 'POST');
  assert.deepEqual(one('https', [':3000/x']).urls, [':3000/x']);
  assert.equal(one('http', ['api.dev/x'], { kind: 'text', text: '{}', from: 'echo' }).method, 'POST');
  assert.deepEqual(readRequests('http', input(['--offline', 'DELETE', 'api.dev/x'])), []);
  assert.deepEqual(one('http', ['-f', 'POST', 'api.dev/up', 'file@build.zip']).bodies, [], 'a multipart file upload');
  assert.deepEqual(
    one('http', ['POST', 'api.dev/x', 'q=@body.json']).bodies.map((b) => b.kind),
    ['text'],
  );
  assert.deepEqual(
    one('http', ['POST', 'api.dev/x', 'q=@missing.json']).bodies.map((b) => b.kind),
    ['unseen'],
  );
});

test('gh api: REST and GraphQL, fields, --input', () => {
  const rest = one('gh', ['api', '-X', 'DELETE', '/repos/o/r']);
  assert.deepEqual([rest.method, rest.urls[0]], ['DELETE', 'https://api.github.com/repos/o/r']);
  const gql = one('gh', ['api', 'graphql', '-f', 'query=mutation { deleteIssue }', '-F', 'n=1']);
  assert.equal(gql.graphql, true);
  assert.equal(gql.method, 'POST');
  assert.deepEqual(
    gql.bodies.map((b) => b.kind === 'text' && JSON.parse(b.text).query),
    ['mutation { deleteIssue }'],
  );
  assert.deepEqual(readRequests('gh', input(['pr', 'list'])), []);
});

test('wget and PowerShell', () => {
  assert.equal(one('wget', ['--method=DELETE', 'https://x.dev/a']).method, 'DELETE');
  assert.equal(one('wget', ['--post-data=a=1', 'https://x.dev/a']).method, 'POST');
  assert.deepEqual(one('wget', ['-qO-', 'https://x.dev/a']).urls, ['https://x.dev/a']);
  const ps = one('Invoke-RestMethod', ['-Meth:Delete', '-Uri', 'https://x.dev/a']);
  assert.deepEqual([ps.method, ps.urls[0]], ['DELETE', 'https://x.dev/a']);
  assert.deepEqual(
    one('irm', ['https://x.dev/a', '-Method', 'Post', '-Body', '$payload']).bodies.map((b) => b.kind),
    ['unseen'],
  );
});

test('hosts: loopback, providers, unknown hosts', () => {
  for (const url of ['http://localhost:3000/x', 'http://127.0.0.1/x', 'http://[::1]:8080/x', 'http://api.localhost/x', ':3000/x'])
    assert.ok(isLoopback(urlTarget(url).host), url);
  for (const url of ['https://opensearch.local:9200/x', 'https://example.com', '10.0.0.1/x']) assert.ok(!isLoopback(urlTarget(url).host), url);
  assert.equal(providerOf(urlTarget('https://backboard.railway.app/graphql/v2').host), 'Railway');
  assert.equal(providerOf(urlTarget('https://api.github.com/x').host), 'GitHub');
  assert.equal(providerOf(urlTarget('https://notgithub.com/x').host), undefined);
  assert.equal(urlTarget('$API_URL/items').host, undefined, 'a host in a variable is not known until it runs');
  assert.equal(urlTarget('https://${HOST}/items').host, undefined);
});
