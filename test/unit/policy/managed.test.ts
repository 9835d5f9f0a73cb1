import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { assessCommand } from '../../../src/core/assess';
import { loadPolicy, loadPolicyFrom, sanitizePolicy } from '../../../src/core/policy/load';
import { managedPolicyPath } from '../../../src/core/policy/managed';
import { formatPolicyReport, policyReport } from '../../../src/core/policy/show';

/** A fake machine: managed, user and repository policy files in a temporary folder (never the real /etc). */
function machine(layers: { managed?: unknown; user?: unknown; repo?: unknown; settings?: unknown; trustRepo?: boolean }) {
  const root = mkdtempSync(join(tmpdir(), 'airlock-managed-'));
  const repo = join(root, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  const managedPath = join(root, 'etc', 'policy.json');
  const userPath = join(root, 'user-policy.json');
  const user = { ...((layers.user as object) ?? {}), ...(layers.trustRepo ? { trustedWorkspaces: [repo] } : {}) };
  if (layers.managed !== undefined) {
    mkdirSync(join(root, 'etc'));
    writeFileSync(managedPath, typeof layers.managed === 'string' ? layers.managed : JSON.stringify(layers.managed));
  }
  writeFileSync(userPath, JSON.stringify(user));
  if (layers.repo !== undefined) {
    mkdirSync(join(repo, '.airlock'));
    writeFileSync(join(repo, '.airlock', 'policy.json'), JSON.stringify(layers.repo));
  }
  const sources = { cwd: repo, env: { AIRLOCK_POLICY_FILE: userPath }, ...(layers.settings ? { settings: sanitizePolicy(layers.settings) } : {}) };
  return { root, repo, managedPath, userPath, sources, policy: () => loadPolicyFrom(sources, managedPath) };
}

test('the managed policy lives at a fixed path per platform, not one an environment variable can move', () => {
  assert.equal(managedPolicyPath('linux'), '/etc/airlock/policy.json');
  assert.equal(managedPolicyPath('darwin'), '/Library/Application Support/Airlock/policy.json');
  assert.equal(managedPolicyPath('win32'), 'C:\\ProgramData\\Airlock\\policy.json');
  // Variables an agent could set on a command line do not move it.
  const before = managedPolicyPath();
  const saved = { ...process.env };
  Object.assign(process.env, { ProgramData: '/tmp/x', AIRLOCK_MANAGED_POLICY: '/tmp/x', XDG_CONFIG_DIRS: '/tmp/x' });
  try {
    assert.equal(managedPolicyPath(), before);
  } finally {
    process.env = saved;
  }
});

// Each field: a managed value, a user loosening, a repository loosening, and how to read strictness.
const LOOSENINGS: Array<{ field: string; managed: object; loose: object; holds: (p: ReturnType<typeof loadPolicyFrom>) => boolean }> = [
  {
    field: 'disabledRules',
    managed: { disabledRules: [] },
    loose: { disabledRules: ['git.push-force'] },
    holds: (p) => !p.disabledRules.has('git.push-force'),
  },
  { field: 'allow', managed: { allow: [] }, loose: { allow: ['terraform destroy *'] }, holds: (p) => !p.allowPatterns.includes('terraform destroy *') },
  {
    field: 'routineDeletePaths',
    managed: { routineDeletePaths: ['**/node_modules'] },
    loose: { routineDeletePaths: ['/srv/**'] },
    holds: (p) => !p.routineDeletePaths.includes('/srv/**') && p.routineDeletePaths.includes('**/node_modules'),
  },
  { field: 'deny', managed: { deny: ['npm publish'] }, loose: { deny: [] }, holds: (p) => p.denyPatterns.includes('npm publish') },
  { field: 'ask', managed: { ask: ['kubectl apply *'] }, loose: { ask: [] }, holds: (p) => p.askPatterns.includes('kubectl apply *') },
  {
    field: 'protectedBranches',
    managed: { protectedBranches: ['trunk'] },
    loose: { protectedBranches: ['only-this'] },
    holds: (p) => p.protectedBranches.includes('trunk'),
  },
  {
    field: 'environments.decisions',
    managed: { environments: { decisions: { production: 'deny' } } },
    loose: { environments: { decisions: { production: 'allow-and-log', unknown: 'allow-and-log' } } },
    holds: (p) => p.environments!.decisions.production === 'deny' && p.environments!.decisions.unknown === 'deny',
  },
  {
    field: 'environments.staging',
    managed: { environments: { staging: ['qa'] } },
    loose: { environments: { staging: ['billing'] } },
    holds: (p) => !p.environments!.patterns.staging.includes('billing') && p.environments!.patterns.staging.includes('qa'),
  },
  {
    field: 'typedConfirmation',
    managed: { typedConfirmation: ['staging'] },
    loose: { typedConfirmation: [] },
    holds: (p) => !!p.typedConfirmation?.includes('staging'),
  },
  {
    field: 'forbidAgentApproval',
    managed: { forbidAgentApproval: ['production'] },
    loose: { forbidAgentApproval: [] },
    holds: (p) => !!p.forbidAgentApproval?.includes('production'),
  },
  {
    field: 'export',
    managed: { export: { endpoint: 'http://collector.corp:4318/v1/logs' } },
    loose: { export: { endpoint: 'http://attacker.example/v1/logs', enabled: false } },
    holds: (p) => p.export?.endpoint === 'http://collector.corp:4318/v1/logs' && p.export.locked === true && p.export.enabled !== false,
  },
];

test('managed wins over user and repository policy in every combination (user, repository, both; trusted or not)', () => {
  for (const c of LOOSENINGS) {
    for (const where of ['user', 'settings', 'repo', 'both', 'all'] as const) {
      for (const trustRepo of [false, true]) {
        const m = machine({
          managed: c.managed,
          user: where === 'user' || where === 'both' || where === 'all' ? c.loose : undefined,
          settings: where === 'settings' || where === 'all' ? c.loose : undefined,
          repo: where === 'repo' || where === 'both' || where === 'all' ? c.loose : undefined,
          trustRepo,
        });
        const p = m.policy();
        assert.ok(c.holds(p), `${c.field}: loosened by ${where}${trustRepo ? ' (repository trusted)' : ''}`);
        assert.deepEqual(p.managed, { path: m.managedPath });
      }
    }
    // Without the managed policy the same user loosening applies: the test can fail.
    if (c.field !== 'ask' && c.field !== 'deny' && c.field !== 'typedConfirmation' && c.field !== 'forbidAgentApproval' && c.field !== 'protectedBranches') {
      const free = machine({ user: c.loose }).policy();
      assert.ok(!c.holds(free) || c.field === 'export', `${c.field}: a user policy alone does loosen`);
    }
  }
});

test('user and repository may still tighten a managed policy', () => {
  const p = machine({
    managed: { deny: ['npm publish'], environments: { decisions: { staging: 'ask' } } },
    user: { deny: ['cargo publish'], environments: { decisions: { staging: 'deny' } } },
    repo: { ask: ['make deploy'] },
  }).policy();
  assert.ok(p.denyPatterns.includes('npm publish') && p.denyPatterns.includes('cargo publish'));
  assert.ok(p.askPatterns.includes('make deploy'));
  assert.equal(p.environments!.decisions.staging, 'deny');
});

test('a user loosening under a managed policy is ignored with a note naming the managed file', () => {
  const m = machine({
    managed: { disabledRules: [], export: { endpoint: 'http://collector.corp:4318/v1/logs' } },
    user: { disabledRules: ['git.push-force'], export: { endpoint: 'http://elsewhere:4318/v1/logs' } },
  });
  const p = m.policy();
  assert.ok(
    p.notes.some((n) => n.includes(m.managedPath) && n.includes('git.push-force') && /ignored/.test(n)),
    p.notes.join('\n'),
  );
  assert.ok(
    p.notes.some((n) => /locks the export endpoint/.test(n)),
    p.notes.join('\n'),
  );
});

test('a managed trustedWorkspaces list is the only one: the user cannot widen it to let a repository loosen', () => {
  const m = machine({ managed: { trustedWorkspaces: [] }, repo: { allow: ['terraform destroy *'] }, trustRepo: true });
  const p = m.policy();
  assert.ok(!p.allowPatterns.includes('terraform destroy *'));
  assert.ok(p.notes.some((n) => /trustedWorkspaces/.test(n)));
});

test('an unreadable managed policy drops every loosening and says so; it never means "no policy"', () => {
  const m = machine({
    managed: '{ not json',
    user: { disabledRules: ['git.push-force'], allow: ['x *'], routineDeletePaths: ['/srv/**'], environments: { decisions: { staging: 'allow-and-log' } } },
  });
  const p = m.policy();
  assert.equal(p.disabledRules.size, 0);
  assert.deepEqual([...p.allowPatterns], []);
  assert.ok(!p.routineDeletePaths.includes('/srv/**'));
  assert.equal(p.environments!.decisions.staging, 'ask');
  assert.ok(p.notes.some((n) => /managed policy could not be used/.test(n)));
});

test('a repository cannot set where the log is exported', () => {
  const m = machine({ repo: { export: { endpoint: 'http://attacker.example:4318/v1/logs' } } });
  const p = m.policy();
  assert.equal(p.export, undefined);
  assert.ok(p.notes.some((n) => /export is only read from the user and managed policy/.test(n)));
});

test('typed confirmation and agent-approval bans reach the check result', async () => {
  const m = machine({
    managed: { typedConfirmation: ['staging'], forbidAgentApproval: ['staging'], environments: { decisions: { staging: 'allow-and-log' } } },
  });
  const policy = m.policy();
  const env = { HOME: m.root, TF_WORKSPACE: 'staging' };
  const r = await assessCommand('terraform destroy -auto-approve', { cwd: m.repo, policy, env });
  assert.equal(r.environment, 'staging');
  assert.equal(r.confirmation, 'typed');
  assert.equal(r.personOnly, true);
  assert.equal(r.decision, 'ask', 'allow-and-log does not apply to an environment reserved for a person');
  // The same with no managed policy: button, agent prompt allowed, allow-and-log applies.
  const free = machine({ user: { environments: { decisions: { staging: 'allow-and-log' } } } });
  const r2 = await assessCommand('terraform destroy -auto-approve', { cwd: free.repo, policy: free.policy(), env });
  assert.equal(r2.confirmation, 'button');
  assert.equal(r2.personOnly, undefined);
  assert.equal(r2.decision, 'allow');
});

test('policy show names where each value came from; headers are never printed', () => {
  const m = machine({
    managed: {
      deny: ['npm publish'],
      disabledRules: [],
      export: { endpoint: 'http://collector.corp:4318/v1/logs', headers: { 'x-api-key': 'sk-live-not-to-print-0123456789' } },
    },
    user: { ask: ['make deploy'], disabledRules: ['git.push-force'] },
  });
  const report = policyReport(m.sources, m.managedPath);
  const deny = report.rows.find((r) => r.field === 'deny')!;
  assert.deepEqual(deny.values, [{ value: 'npm publish', from: `managed (${m.managedPath})` }]);
  const ask = report.rows.find((r) => r.field === 'ask')!;
  assert.deepEqual(ask.values, [{ value: 'make deploy', from: `user (${m.userPath})` }]);
  const branches = report.rows.find((r) => r.field === 'protectedBranches')!;
  assert.equal(branches.values[0]!.from, 'default');
  const text = formatPolicyReport(report);
  assert.match(text, /Managed policy: .*User and repository policy may only tighten it/);
  assert.match(text, /collector\.corp.*locked/);
  assert.ok(!text.includes('sk-live-not-to-print'));
  assert.match(text, /git\.push-force.*ignored/);
});

test('airlock policy show runs against the real fixed path (absent here) and says there is none', async () => {
  let out = '';
  const code = await runCli(['policy', 'show'], {
    stdout: (t) => {
      out += t;
    },
    stderr: () => {},
    readStdin: async () => '',
    env: { AIRLOCK_POLICY_FILE: join(tmpdir(), 'no-such-airlock-policy.json') },
    cwd: tmpdir(),
  });
  assert.equal(code, 0);
  // This machine has no /etc/airlock/policy.json; if one exists the line names it instead.
  assert.match(out, /^Managed policy: /);
  assert.equal(loadPolicy({ cwd: tmpdir(), env: {} }).managed !== undefined, out.startsWith('Managed policy: /'));
});
