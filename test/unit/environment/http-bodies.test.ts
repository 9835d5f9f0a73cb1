import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { assessCommand } from '../../../src/core/assess';
import { readRequests } from '../../../src/core/http/index';

// GraphQL bodies that are not in the command's own words: the target must still name the
// Railway volume, say where the id was read, and see that staging and production share it.
const VOLUME = '3f0c2a1e-7b4d-4e8a-9c61-5d2e8f9a0b17';
const STAGING_TOKEN = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9';
const PRODUCTION_TOKEN = '0a9b8c7d-6e5f-4a3b-9c1d-0e9f8a7b6c5d';
const MUTATION = `mutation { volumeDelete(volumeId: "${VOLUME}") }`;
const JSON_BODY = JSON.stringify({ query: MUTATION });
const RAILWAY = 'https://backboard.railway.app/graphql/v2';
const FIELD = `volumeDelete(volumeId: "${VOLUME}")`;

const root = mkdtempSync(join(tmpdir(), 'airlock-http-bodies-'));
after(() => rmSync(root, { recursive: true, force: true }));
const home = join(root, 'home');
const workspace = join(root, 'pocketos');
mkdirSync(home);
mkdirSync(join(workspace, 'ops'), { recursive: true });
writeFileSync(join(workspace, '.env.staging'), `RAILWAY_ENVIRONMENT=staging\nRAILWAY_TOKEN=${STAGING_TOKEN}\nRAILWAY_VOLUME_ID=${VOLUME}\n`);
writeFileSync(join(workspace, '.env.production'), `RAILWAY_ENVIRONMENT=production\nRAILWAY_TOKEN=${PRODUCTION_TOKEN}\nRAILWAY_VOLUME_ID=${VOLUME}\n`);
// Variables resolved by the GraphQL reader: the id is only in `variables`.
writeFileSync(
  join(workspace, 'body.json'),
  JSON.stringify({ query: 'mutation Drop($id: String!) { volumeDelete(volumeId: $id) }', variables: { id: VOLUME } }),
);
writeFileSync(join(workspace, 'ops', 'drop.graphql'), `${MUTATION}\n`);

const assess = (line: string, cwd = workspace) => assessCommand(line, { cwd, env: {}, home, workspaceRoot: workspace });

/** The target names the volume, and one evidence line says which body named it. */
async function assertVolumeFrom(line: string, source: string, cwd?: string): Promise<void> {
  const r = await assess(line, cwd);
  assert.notEqual(r.decision, 'allow', line);
  assert.equal(r.target?.resource, `Railway volume ${VOLUME}`, `${line}\n${JSON.stringify(r.target)}`);
  assert.ok(
    r.target?.evidence.some((e) => e.source === source && e.value === FIELD),
    `${line}\n${JSON.stringify(r.target?.evidence)}`,
  );
  assert.ok(r.target?.evidence.some((e) => e.source === 'GraphQL volumeId' && e.value === VOLUME));
  // The volume is in both env files: whichever way the body arrives, the shared-resource check sees it.
  assert.equal(r.environment, 'production');
}

test("curl -d @body.json: the file is read relative to the command's cwd, variables resolved", async () => {
  await assertVolumeFrom(`curl -X POST ${RAILWAY} -H 'Content-Type: application/json' -d @body.json`, 'GraphQL body in body.json');
  await assertVolumeFrom(`cd ops && curl ${RAILWAY} --data-binary @../body.json`, 'GraphQL body in ../body.json');
});

test('a heredoc body on standard input (-d @-)', async () => {
  await assertVolumeFrom(
    `curl ${RAILWAY} -H 'Content-Type: application/json' -d @- <<'EOF'\n${JSON_BODY}\nEOF`,
    'GraphQL body in the heredoc on standard input',
  );
});

test('a here-string body on standard input', async () => {
  await assertVolumeFrom(`curl ${RAILWAY} --data-binary @- <<< '${JSON_BODY}'`, 'GraphQL body in the here-string on standard input');
});

test('a body piped from echo', async () => {
  await assertVolumeFrom(`echo '${JSON_BODY}' | curl ${RAILWAY} -d @-`, 'GraphQL body piped from echo');
});

test('a body redirected from a file (< file)', async () => {
  await assertVolumeFrom(`curl ${RAILWAY} -d @- < body.json`, 'GraphQL body in body.json (standard input)');
});

test("curl -F query=<file: the form field is the file's text", async () => {
  await assertVolumeFrom(`curl ${RAILWAY} -F 'query=<ops/drop.graphql'`, 'GraphQL body in ops/drop.graphql');
});

test("curl -F query=@file (and the multipart spec's operations=@file): a GraphQL document uploaded as the request", async () => {
  await assertVolumeFrom(`curl ${RAILWAY} -F query=@ops/drop.graphql`, 'GraphQL body in ops/drop.graphql');
  await assertVolumeFrom(`curl ${RAILWAY} -F operations=@body.json -F map='{}'`, 'GraphQL body in body.json');
  // Any other uploaded file is still an upload, not a body: nothing to read, nothing guarded.
  assert.deepEqual(readRequests('curl', { args: ['-F', 'file=@ops/drop.graphql', RAILWAY], read: () => 'x' })[0]!.bodies, []);
  const missing = await assess(`curl ${RAILWAY} -F query=@ops/missing.graphql`);
  assert.equal(missing.decision, 'ask', 'an unreadable GraphQL upload is asked about');
});

test('gh api -F query=@file and -f query=…', async () => {
  await assertVolumeFrom(`gh api ${RAILWAY} -F query=@ops/drop.graphql`, 'GraphQL body in ops/drop.graphql (the -f/-F fields)');
  await assertVolumeFrom(`gh api ${RAILWAY} -f query='${MUTATION}'`, 'GraphQL body in the -f/-F fields');
});

test('gh api graphql (GitHub): the body is evidence, but GitHub ids are not Railway resources', async () => {
  const r = await assess(`gh api graphql -f query='mutation { deleteRepository(input: {repositoryId: "R_kgDOabc"}) { clientMutationId } }'`);
  assert.equal(r.decision, 'ask');
  assert.equal(r.target?.name, 'api.github.com');
  assert.equal(r.target?.resource, 'api.github.com');
  assert.ok(
    r.target?.evidence.some(
      (e) => e.source === 'GraphQL body in the -f/-F fields' && /^deleteRepository\(input: \{repositoryId: "R_kgDOabc"\}\)$/.test(e.value),
    ),
    JSON.stringify(r.target?.evidence),
  );
});

test('xh POST url query=…: the request items', async () => {
  await assertVolumeFrom(`xh POST ${RAILWAY} query='${MUTATION}'`, 'GraphQL body in the request items');
  await assertVolumeFrom(`xh POST ${RAILWAY} query=@ops/drop.graphql`, 'GraphQL body in ops/drop.graphql (the request items)');
});

test("PocketOS: the curl aimed with the staging token hits production's volume", async () => {
  const r = await assess(
    `source .env.staging && curl -X POST ${RAILWAY} -H "Authorization: Bearer $RAILWAY_TOKEN" -H 'Content-Type: application/json' -d @body.json`,
  );
  assert.equal(r.decision, 'ask');
  assert.equal(r.environment, 'production');
  assert.deepEqual(r.target?.sharedWith, ['production']);
  assert.equal(r.confirmation, 'typed');
  assert.equal(r.target?.resource, `Railway volume ${VOLUME}`);
  assert.equal(r.target?.evidence[0]?.source, 'shared resource');
  assert.match(r.target!.evidence[0]!.value, new RegExp(`staging and production both use volume ${VOLUME}`));
  assert.ok(r.target?.evidence.some((e) => e.source === 'token RAILWAY_TOKEN' && /\.env\.staging/.test(e.value)));
  const json = JSON.stringify(r);
  assert.ok(!json.includes(STAGING_TOKEN) && !json.includes(PRODUCTION_TOKEN), 'no token value in the result');
});

test('a body Airlock cannot read: the guard still asks, the target names only the host', async () => {
  const r = await assess(`curl -X POST ${RAILWAY} -d @missing.json`);
  assert.equal(r.decision, 'ask');
  assert.equal(r.target?.resource, 'backboard.railway.app');
  assert.ok(!r.target?.evidence.some((e) => e.source.startsWith('GraphQL ')));
});

test('a GraphQL body that does not parse: the guard asks, and the id written in it still names the volume', async () => {
  writeFileSync(join(workspace, 'broken.json'), `{"query":"mutation { volumeDelete(volumeId: \\"${VOLUME}\\") "}`);
  const r = await assess(`curl ${RAILWAY} -d @broken.json`);
  assert.equal(r.decision, 'ask');
  assert.deepEqual(
    r.findings.map((f) => f.rule),
    ['http.graphql-unreadable'],
  );
  assert.equal(r.target?.resource, `Railway volume ${VOLUME}`);
  assert.equal(r.environment, 'production');
});

test('a token written into a GraphQL argument is previewed, never shown', async () => {
  const secret = 'rw_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
  const r = await assess(
    `curl ${RAILWAY} -H 'Content-Type: application/json' -d '${JSON.stringify({ query: `mutation { apiTokenDelete(token: "${secret}") }` })}'`,
  );
  assert.equal(r.decision, 'ask');
  const line = r.target?.evidence.find((e) => e.source === 'GraphQL body in -d');
  assert.ok(line, JSON.stringify(r.target?.evidence));
  assert.match(line.value, /^apiTokenDelete\(token: /);
  assert.ok(!JSON.stringify(r.target).includes(secret));
});
