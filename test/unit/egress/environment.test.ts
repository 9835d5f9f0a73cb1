import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sentCredentials } from '../../../src/core/egress/credentials';
import { loadEgressWorkspace, requestTarget } from '../../../src/core/egress/environment';
import { FileCache } from '../../../src/core/environment/files';

function workspace(files: Record<string, string>) {
  const base = mkdtempSync(join(tmpdir(), 'airlock-egress-env-'));
  const ws = join(base, 'ws');
  const home = join(base, 'home');
  for (const [name, text] of Object.entries(files)) {
    const path = name.startsWith('~/') ? join(home, name.slice(2)) : join(ws, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  mkdirSync(ws, { recursive: true });
  const w = loadEgressWorkspace(ws, { env: {}, home, cache: new FileCache() });
  return { base, w };
}

const body = (volume: string) => `{"query":"mutation { volumeDelete(volumeId: \\"${volume}\\") }"}`;
const target = (w: ReturnType<typeof loadEgressWorkspace>, headers: Record<string, string>, b?: string, host = 'backboard.railway.app') =>
  requestTarget(w, host, sentCredentials(headers, `https://${host}/graphql/v2`), b, `https://${host}/graphql/v2`);

test('the credential actually sent names the environment', () => {
  const { base, w } = workspace({
    '.env.production': 'RAILWAY_TOKEN=prod-token-aaaaaaaa\n',
    '.env.staging': 'RAILWAY_TOKEN=stag-token-bbbbbbbb\n',
    'apps/api/.env': 'APP_ENV=staging\nOTHER_KEY=nested-token-cccccccc\n',
    '~/.aws/credentials': '[prod]\naws_access_key_id = AKIAPRODEXAMPLE00001\n[dev]\naws_access_key_id = AKIADEVEXAMPLE000002\n',
  });
  try {
    const prod = target(w, { authorization: 'Bearer prod-token-aaaaaaaa' });
    assert.equal(prod.environment, 'production');
    assert.match(prod.evidence[0]!.value, /RAILWAY_TOKEN in \.env\.production/);
    assert.doesNotMatch(JSON.stringify(prod), /prod-token-aaaaaaaa/, 'the evidence shows a preview, never the token');
    assert.equal(target(w, { authorization: 'Bearer stag-token-bbbbbbbb' }).environment, 'staging');
    // The same token in another header, in a nested folder's env file, in the AWS credentials file.
    assert.equal(target(w, { 'project-access-token': 'stag-token-bbbbbbbb' }).environment, 'staging');
    assert.equal(target(w, { 'x-api-key': 'nested-token-cccccccc' }).environment, 'staging');
    const aws = target(
      w,
      { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAPRODEXAMPLE00001/20260101/us-east-1/s3/aws4_request, Signature=x' },
      undefined,
      's3.amazonaws.com',
    );
    assert.equal(aws.environment, 'production');
    assert.match(aws.evidence[0]!.value, /profile prod/);
    // What Airlock cannot place is unknown, treated as production; a staging token beside an unknown one is not staging.
    assert.equal(target(w, { authorization: 'Bearer not-in-any-file-123' }).environment, 'unknown');
    assert.equal(target(w, {}).environment, 'unknown');
    assert.equal(target(w, { authorization: 'Bearer stag-token-bbbbbbbb', 'x-api-key': 'not-in-any-file-123' }).environment, 'unknown');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('a staging token acting on a volume production also uses is production', () => {
  const { base, w } = workspace({
    '.env.production': 'RAILWAY_TOKEN=prod-token-aaaaaaaa\nRAILWAY_VOLUME_ID=vol-shared\n',
    '.env.staging': 'RAILWAY_TOKEN=stag-token-bbbbbbbb\nRAILWAY_VOLUME_ID=vol-shared\n',
    '.env.development': 'RAILWAY_VOLUME_ID=vol-dev-only\n',
  });
  try {
    const shared = target(w, { authorization: 'Bearer stag-token-bbbbbbbb' }, body('vol-shared'));
    assert.equal(shared.environment, 'production');
    assert.deepEqual([...shared.sharedWith].sort(), ['production', 'staging']);
    assert.ok(
      shared.evidence.some((e) => /used by production/.test(e.value)),
      JSON.stringify(shared.evidence),
    );
    const own = target(w, { authorization: 'Bearer stag-token-bbbbbbbb' }, body('vol-dev-only'));
    assert.equal(own.environment, 'staging');
    assert.deepEqual(own.sharedWith, []);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
