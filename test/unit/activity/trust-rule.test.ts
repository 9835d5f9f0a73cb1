import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPolicy } from '../../../src/core/policy/load';
import { disableRuleInWorkspace } from '../../../src/core/policy/trust-rule';
import { tempDir } from '../log/helpers';

function setup() {
  const home = tempDir('airlock-policy-');
  const env = { AIRLOCK_POLICY_FILE: join(home, 'policy.json') };
  const workspace = tempDir('airlock-ws-');
  mkdirSync(join(workspace, '.git'));
  mkdirSync(join(workspace, 'src'));
  return { env, workspace };
}

test('trusting a rule switches it off in that workspace and the folders inside it, nowhere else', () => {
  const { env, workspace } = setup();
  disableRuleInWorkspace('railway.volume-delete', workspace, env);
  assert.ok(loadPolicy({ cwd: workspace, env }).disabledRules.has('railway.volume-delete'));
  assert.ok(loadPolicy({ cwd: join(workspace, 'src'), env }).disabledRules.has('railway.volume-delete'));
  const other = tempDir('airlock-other-');
  assert.equal(loadPolicy({ cwd: other, env }).disabledRules.has('railway.volume-delete'), false);
});

test('the user policy keeps its comments and other settings; trusting twice writes once', () => {
  const { env, workspace } = setup();
  writeFileSync(env.AIRLOCK_POLICY_FILE, '{\n  // my own notes\n  "deny": ["terraform destroy *"],\n}\n');
  disableRuleInWorkspace('git.push-force', workspace, env);
  disableRuleInWorkspace('git.push-force', workspace, env);
  const text = readFileSync(env.AIRLOCK_POLICY_FILE, 'utf8');
  assert.match(text, /\/\/ my own notes/);
  assert.match(text, /"terraform destroy \*"/);
  assert.equal(text.match(/git\.push-force/g)?.length, 1);
  assert.deepEqual(loadPolicy({ cwd: workspace, env }).denyPatterns, ['terraform destroy *']);
});

test('a repository cannot switch rules off for itself through workspaceDisabledRules', () => {
  const { env, workspace } = setup();
  mkdirSync(join(workspace, '.airlock'));
  writeFileSync(join(workspace, '.airlock/policy.json'), JSON.stringify({ workspaceDisabledRules: { [workspace]: ['railway.volume-delete'] } }));
  const policy = loadPolicy({ cwd: workspace, env });
  assert.equal(policy.disabledRules.has('railway.volume-delete'), false);
  assert.ok(policy.notes.some((n) => /workspaceDisabledRules is only read from the user policy/.test(n)));
});

test('a broken user policy is not overwritten', () => {
  const { env, workspace } = setup();
  writeFileSync(env.AIRLOCK_POLICY_FILE, '{ "deny": [');
  assert.throws(() => disableRuleInWorkspace('x.y', workspace, env), /not a valid JSON object/);
  assert.equal(readFileSync(env.AIRLOCK_POLICY_FILE, 'utf8'), '{ "deny": [');
});
