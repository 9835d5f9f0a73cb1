import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadPolicy } from '../../../src/core/policy/load';

const root = mkdtempSync(join(tmpdir(), 'airlock-envpolicy-'));
after(() => rmSync(root, { recursive: true, force: true }));

function setup(name: string, user: unknown, repo: unknown): { cwd: string; env: NodeJS.ProcessEnv } {
  const dir = join(root, name);
  mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
  mkdirSync(join(dir, 'repo', '.airlock'), { recursive: true });
  writeFileSync(join(dir, 'user.json'), JSON.stringify(user));
  writeFileSync(join(dir, 'repo', '.airlock', 'policy.json'), JSON.stringify(repo));
  return { cwd: join(dir, 'repo'), env: { AIRLOCK_POLICY_FILE: join(dir, 'user.json') } };
}

test('loadPolicy carries the environments section: user decisions, repository stricter-only', () => {
  const s = setup(
    'a',
    { environments: { decisions: { production: 'deny', development: 'allow-and-log' }, staging: ['qa'] } },
    { environments: { decisions: { staging: 'deny', development: 'ask' }, production: ['shop-live-*'], development: ['shop-*'] } },
  );
  const policy = loadPolicy(s);
  assert.equal(policy.environments?.decisions.production, 'deny');
  assert.equal(policy.environments?.decisions.unknown, 'deny');
  assert.equal(policy.environments?.decisions.staging, 'deny', 'the repository may raise');
  assert.equal(policy.environments?.decisions.development, 'ask', 'raising allow-and-log to ask is stricter: kept');
  assert.ok(policy.environments?.patterns.production.includes('shop-live-*'));
  assert.ok(policy.environments?.patterns.staging.includes('qa'));
  assert.ok(!policy.environments?.patterns.development.includes('shop-*'), 'repository development names lower commands: ignored');
  assert.ok(policy.notes.some((n) => /environments\.development names/.test(n)));
});

test('loadPolicy: a repository cannot relax an environment decision unless the workspace is trusted', () => {
  const untrusted = setup('b', { environments: { decisions: { production: 'deny' } } }, { environments: { decisions: { production: 'allow-and-log' } } });
  const p = loadPolicy(untrusted);
  assert.equal(p.environments?.decisions.production, 'deny');
  assert.ok(p.notes.some((n) => /environments\.decisions\.production = allow-and-log is looser/.test(n)));
  const trusted = setup(
    'c',
    { trustedWorkspaces: [join(root, 'c', 'repo')], environments: { decisions: { development: 'ask' } } },
    { environments: { decisions: { development: 'allow-and-log' } } },
  );
  assert.equal(loadPolicy(trusted).environments?.decisions.development, 'allow-and-log');
});

test('loadPolicy: malformed environments sections are dropped field by field', () => {
  const s = setup('d', { environments: { decisions: { production: 'nuke', staging: 7 }, production: 'prod-only', development: [1, 'dev-box'] } }, {});
  const policy = loadPolicy(s);
  assert.equal(policy.environments?.decisions.production, 'ask');
  assert.ok(policy.environments?.patterns.development.includes('dev-box'));
});
