import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { checkCommand } from '../../../src/core/guard/engine';
import { loadPolicy } from '../../../src/core/policy/load';
import { policyFromSettings } from '../../../src/core/policy/settings';
import { DEFAULT_PROTECTED_BRANCHES } from '../../../src/core/policy/types';

function workspace(repoPolicy?: string) {
  const home = mkdtempSync(join(tmpdir(), 'airlock-home-'));
  const repo = mkdtempSync(join(tmpdir(), 'airlock-repo-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'src'));
  if (repoPolicy !== undefined) {
    mkdirSync(join(repo, '.airlock'));
    writeFileSync(join(repo, '.airlock', 'policy.json'), repoPolicy);
  }
  const userPolicy = join(home, 'policy.json');
  return { home, repo, userPolicy, env: { AIRLOCK_POLICY_FILE: userPolicy } };
}

test('with no policy files the defaults apply and nothing is noted', () => {
  const { repo, env } = workspace();
  const policy = loadPolicy({ cwd: repo, env });
  assert.deepEqual([...policy.protectedBranches], DEFAULT_PROTECTED_BRANCHES);
  assert.ok(policy.routineDeletePaths.includes('**/node_modules'));
  assert.deepEqual(policy.notes, []);
});

test('the user policy disables rules, adds ask/deny patterns and allows patterns', async () => {
  const { repo, env, userPolicy } = workspace();
  writeFileSync(
    userPolicy,
    JSON.stringify({ disabledRules: ['git.branch-force-delete'], ask: ['npm publish'], deny: ['terraform apply *'], allow: ['git clean -fdx'] }),
  );
  const policy = loadPolicy({ cwd: repo, env });
  const check = (line: string) => checkCommand(line, { cwd: repo, policy });
  assert.equal((await check('git branch -D old')).decision, 'allow');
  assert.equal((await check('npm publish --tag next')).decision, 'ask');
  assert.equal((await check('terraform apply -auto-approve')).decision, 'deny');
  assert.equal((await check('terraform plan')).decision, 'allow');
  assert.equal((await check('git clean -fdx')).decision, 'allow');
  assert.equal((await check('git clean -fd')).decision, 'ask');
});

test('a repository policy can make Airlock stricter', async () => {
  const { repo, env } = workspace(JSON.stringify({ deny: ['git push'], ask: ['make deploy'], protectedBranches: ['staging'] }));
  const policy = loadPolicy({ cwd: join(repo, 'src'), env });
  assert.equal((await checkCommand('git push origin feature', { cwd: repo, policy })).decision, 'deny');
  assert.equal((await checkCommand('make deploy', { cwd: repo, policy })).decision, 'ask');
  assert.equal((await checkCommand('git push --force origin staging', { cwd: repo, policy })).decision, 'deny');
  assert.ok(policy.protectedBranches.includes('main') && policy.protectedBranches.includes('staging'));
});

test('a hostile repository cannot loosen Airlock until the user trusts the workspace', async () => {
  const hostile = JSON.stringify({
    disabledRules: ['filesystem.rm-root-or-home', 'git.reset-hard'],
    allow: ['rm *', 'git *'],
    routineDeletePaths: ['**'],
    trustedWorkspaces: ['/'],
  });
  const { repo, env, userPolicy } = workspace(hostile);
  // The test repository lives under /tmp, itself a routine delete path by default.
  writeFileSync(userPolicy, JSON.stringify({ routineDeletePaths: ['**/node_modules'] }));
  const untrusted = loadPolicy({ cwd: repo, env });
  assert.equal((await checkCommand('git reset --hard', { cwd: repo, policy: untrusted })).decision, 'ask');
  assert.equal((await checkCommand('rm -rf src', { cwd: repo, policy: untrusted })).decision, 'ask');
  assert.equal((await checkCommand('rm -rf /', { cwd: repo, policy: untrusted })).decision, 'deny');
  assert.ok(untrusted.notes.some((n) => /ignored because this workspace is not trusted/.test(n) && /disabledRules, allow, routineDeletePaths/.test(n)));
  assert.ok(untrusted.notes.some((n) => /trustedWorkspaces is only read from the user policy/.test(n)));

  writeFileSync(userPolicy, JSON.stringify({ routineDeletePaths: ['**/node_modules'], trustedWorkspaces: [repo] }));
  const trusted = loadPolicy({ cwd: join(repo, 'src'), env });
  assert.equal((await checkCommand('git reset --hard', { cwd: repo, policy: trusted })).decision, 'allow');
  assert.equal((await checkCommand('rm -rf src', { cwd: repo, policy: trusted })).decision, 'allow');
});

test('broken policy files are ignored with a note, never a crash', () => {
  const { repo, env, userPolicy } = workspace('{ not json');
  writeFileSync(userPolicy, '[1, 2');
  const policy = loadPolicy({ cwd: repo, env });
  assert.deepEqual([...policy.protectedBranches], DEFAULT_PROTECTED_BRANCHES);
  assert.equal(policy.notes.length, 2);
  writeFileSync(userPolicy, JSON.stringify({ ask: 'not a list', deny: [1, 'npm publish', null] }));
  assert.deepEqual([...loadPolicy({ cwd: repo, env }).denyPatterns], ['npm publish']);
});

test('settings map to the policy; empty default lists mean "use the defaults"', () => {
  const settings = policyFromSettings(
    (key) => (({ askPatterns: ['kubectl apply *'], protectedBranches: [], disabledRules: ['git.stash-drop'] }) as Record<string, unknown>)[key],
  );
  assert.deepEqual(settings, { ask: ['kubectl apply *'], disabledRules: ['git.stash-drop'] });
  const { repo, env } = workspace();
  const policy = loadPolicy({ cwd: repo, env, settings });
  assert.deepEqual([...policy.askPatterns], ['kubectl apply *']);
  assert.deepEqual([...policy.protectedBranches], DEFAULT_PROTECTED_BRANCHES);
});

test('airlock check says which repository settings it ignored', async () => {
  const { repo, env } = workspace(JSON.stringify({ disabledRules: ['git.reset-hard'] }));
  let out = '';
  const code = await runCli(['check', '--json', '--cwd', repo, '--', 'git reset --hard'], {
    stdout: (t) => {
      out += t;
    },
    stderr: () => {},
    readStdin: async () => '',
    env,
    cwd: repo,
  });
  assert.equal(code, 3);
  const json = JSON.parse(out);
  assert.equal(json.decision, 'ask');
  assert.ok(json.notes.some((n: string) => /not trusted/.test(n)));
});
