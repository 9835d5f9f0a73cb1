// MCP tool arguments go through the SQL, GraphQL/HTTP and shell analysers, whatever their key.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCommand } from '../../../src/core/guard/engine';
import { analyseMcpArguments, wrappedCli } from '../../../src/core/mcp/arguments';
import { CORPUS_OPTIONS } from '../guard/corpus-files';

const assess = (line: string) => checkCommand(line, CORPUS_OPTIONS);
const decide = async (tool: string, input: unknown) => (await analyseMcpArguments(tool, input, assess))?.check.decision ?? 'allow';
const rules = async (tool: string, input: unknown) => (await analyseMcpArguments(tool, input, assess))?.check.findings.map((f) => f.rule) ?? [];
const VOLUME_DELETE = 'mutation { volumeDelete(volumeId: "vol_2f") }';

const destructive: Array<[string, unknown, string]> = [
  ['mcp__postgres__query', { sql: 'DROP TABLE bookings' }, 'mcp.sql-destructive'],
  ['mcp__supabase__execute_sql', { project_id: 'p1', query: 'truncate table orders cascade' }, 'mcp.sql-destructive'],
  ['mcp__supabase__apply_migration', { name: 'cleanup', query: 'ALTER TABLE users DROP COLUMN email;' }, 'mcp.sql-destructive'],
  ['mcp__neon__run_sql', { params: { sql: 'DELETE FROM invoices' } }, 'mcp.sql-destructive'],
  ['mcp__db__anything', { statements: ['SELECT 1', 'DROP SCHEMA public CASCADE'] }, 'mcp.sql-destructive'],
  ['mcp__railway__graphql', { query: VOLUME_DELETE }, 'mcp.graphql-destructive'],
  ['mcp__api__graphql', { body: JSON.stringify({ query: VOLUME_DELETE }) }, 'mcp.graphql-destructive'],
  ['mcp__fetch__fetch', { url: 'https://backboard.railway.app/graphql/v2', method: 'POST', body: { query: VOLUME_DELETE } }, 'mcp.graphql-destructive'],
  ['mcp__fetch__fetch', { url: 'https://api.example.com/v1/projects/42', method: 'delete' }, 'mcp.http-delete'],
  ['mcp__shell__run', { command: 'rm', args: ['-rf', '/srv/www'] }, 'filesystem.rm-recursive'],
  ['mcp__exec__spawn', { args: ['railway', 'volume', 'delete', '--volume', 'vol_2f', '--yes'] }, 'railway.volume-delete'],
  ['mcp__desktop-commander__start_process', { command: 'git reset --hard origin/main', timeout_ms: 5000 }, 'git.reset-hard'],
  ['mcp__redis__execute', { args: ['FLUSHALL'] }, 'mcp.redis-flush'],
  ['mcp__cache__send', { command: ['flushdb', 'ASYNC'] }, 'mcp.redis-flush'],
  ['mcp__mongodb__run_command', { database: 'shop', command: { dropDatabase: 1 } }, 'mcp.mongo-destructive'],
  ['mcp__mongodb__delete-many', { collection: 'orders', filter: {} }, 'mcp.mongo-destructive'],
  ['mcp__kubernetes__kubectl', { args: 'delete namespace production' }, 'kubectl.delete-namespace'],
  ['mcp__k8s__kubectl_generic', { args: ['delete', 'ns', 'prod'] }, 'kubectl.delete-namespace'],
];

test('every destructive shape of MCP arguments is asked about', async () => {
  for (const [tool, input, rule] of destructive) {
    assert.notEqual(await decide(tool, input), 'allow', `${tool} ${JSON.stringify(input)}`);
    assert.ok((await rules(tool, input)).includes(rule), `${tool} ${JSON.stringify(input)}: ${await rules(tool, input)}`);
  }
});

test("Cursor's string-form input and a bare string are read too", async () => {
  assert.equal(await decide('mcp_postgres_query', 'DROP TABLE bookings'), 'ask');
  assert.equal(await decide('run_sql', { sql: 'drop database shop' }), 'ask');
});

test('rm -rf / in an args array is denied, as on a command line', async () => {
  assert.equal(await decide('mcp__shell__exec', { command: 'rm', args: ['-rf', '/'] }), 'deny');
});

test('three ways around: another key, nesting, and splitting command from args', async () => {
  assert.equal(await decide('mcp__tool__x', { payload: { deep: { sql: 'DROP TABLE users' } } }), 'ask');
  assert.equal(await decide('mcp__tool__x', { steps: [{ cmd: 'terraform destroy -auto-approve' }] }), 'ask');
  assert.equal(await decide('mcp__tool__x', { program: 'rm', argv: ['-r', '/srv/data'] }), 'ask');
  assert.equal(
    await decide('mcp__fetch__request', { request: { url: 'https://api.example.com/graphql', method: 'POST', json: { query: VOLUME_DELETE } } }),
    'ask',
  );
});

test('arguments too deep or too many to check are asked about, never skipped', async () => {
  let deep: unknown = { sql: 'SELECT 1' };
  for (let i = 0; i < 30; i++) deep = { next: deep };
  assert.equal(await decide('mcp__x__y', deep), 'ask');
  assert.equal(await decide('mcp__x__y', { list: Array.from({ length: 5000 }, (_, i) => `v${i}`) }), 'ask');
});

test('everyday MCP calls pass', async () => {
  for (const [tool, input] of [
    ['mcp__postgres__query', { sql: 'SELECT * FROM bookings WHERE id = 4' }],
    ['mcp__supabase__execute_sql', { query: 'UPDATE users SET name = $1 WHERE id = $2' }],
    ['mcp__github__create_issue', { title: 'Drop table of contents', body: 'DROP TABLE users is what the bug did' }],
    ['mcp__filesystem__write_file', { path: 'migrations/002.sql', content: 'DROP TABLE old_users;' }],
    ['mcp__railway__graphql', { query: 'query { projects { edges { node { id } } } }' }],
    ['mcp__fetch__fetch', { url: 'https://example.com/docs', method: 'GET' }],
    ['mcp__fetch__fetch', { url: 'http://localhost:3000/items/1', method: 'DELETE' }],
    ['mcp__shell__run', { command: 'git status' }],
    ['mcp__redis__execute', { args: ['GET', 'session:42'] }],
    ['mcp__mongodb__find', { collection: 'orders', filter: {} }],
    ['mcp__kubernetes__kubectl', { args: 'get pods -n production' }],
    ['mcp__context7__get-library-docs', { libraryID: '/vercel/next.js', topic: 'routing' }],
  ] as Array<[string, unknown]>) {
    assert.equal(await decide(tool, input), 'allow', `${tool} ${JSON.stringify(input)}`);
  }
});

test('the CLI a tool wraps is read from its name', () => {
  assert.equal(wrappedCli('mcp__kubernetes__pods_delete'), 'kubectl');
  assert.equal(wrappedCli('mcp__terraform__run'), 'terraform');
  assert.equal(wrappedCli('mcp__context7__resolve'), undefined);
});
