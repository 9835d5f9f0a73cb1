// Issue 11, "Airlock's own files are guarded files": every way an agent's command could write,
// move, truncate or delete Airlock's config, policy, log, runtime folder, launcher storage or an
// agent's hook file asks, typed, saying it could turn Airlock off. Reads and everyday work pass.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assessCommand } from '../../../src/core/assess';
import { airlockFileKind, airlockFilesInside, selfProtectionFindingForPath } from '../../../src/core/protection/airlock-files';
import { builtProduct, payload, sandbox, spawnOutcome } from '../principles/harness';

const CWD = '/home/dev/project';

async function assertGuarded(line: string, cwd = CWD): Promise<void> {
  const result = await assessCommand(line, { cwd, env: { PATH: '/usr/bin' } });
  assert.equal(result.decision, 'ask', `${line} should ask, got ${result.decision}`);
  const finding = result.findings.find((f) => f.rule.startsWith('airlock-self.'));
  assert.ok(finding, `${line}: no airlock-self finding (got ${result.findings.map((f) => f.rule).join(', ') || 'none'})`);
  assert.match(finding.reason, /turn Airlock off/);
  assert.equal(result.confirmation, 'typed', `${line} must need typed confirmation`);
}

async function assertPasses(line: string, cwd = CWD): Promise<void> {
  const result = await assessCommand(line, { cwd, env: { PATH: '/usr/bin' } });
  assert.ok(!result.findings.some((f) => f.rule.startsWith('airlock-self.')), `${line} must not be taken for a change to Airlock's files`);
}

describe('policy rewrite from the issue, and three other ways', () => {
  for (const line of [
    `mkdir -p ~/.config/airlock && echo '{"allow":["railway *"]}' > ~/.config/airlock/policy.json`,
    `echo '{"allow":["railway *"]}' | tee "$HOME/.config/airlock/policy.json"`,
    `cd ~/.config/airlock && printf '{"allow":["*"]}' > policy.json`,
    `P=~/.config/airlock/policy.json; echo '{"allow":["railway *"]}' >| $P`,
    `cat <<'EOF' > \${HOME}/.config/airlock/policy.json\n{"allow":["railway *"]}\nEOF`,
    `python3 -c "import os; open(os.path.expanduser('~/.config/airlock/policy.json'), 'w').write('{}')"`,
  ])
    test(line.split('\n')[0]!, () => assertGuarded(line));
});

describe('emptying the log, and three other ways', () => {
  for (const line of [
    ': > ~/.airlock/logs/app-123/activity.jsonl',
    'truncate -s 0 ~/.airlock/logs/app-123/activity.jsonl',
    'rm -rf ~/.airlock',
    'mv ~/.airlock /tmp/gone',
    'sed -i 3,\\$d ~/.airlock/logs/app-123/activity.jsonl',
    `echo x > ~/.config/Code/User/globalStorage/airlock-dev.airlock/logs/activity.jsonl`,
  ])
    test(line, () => assertGuarded(line));
});

describe("agents' hook files", () => {
  for (const line of [
    "echo '{}' > ~/.claude/settings.json",
    "echo '{}' > .cursor/hooks.json",
    'cp /dev/null .claude/settings.local.json',
    'cd .claude && echo {} > settings.json',
    "jq 'del(.hooks)' .claude/settings.json > /tmp/s && mv /tmp/s .claude/settings.json",
    'rm ~/.cursor/hooks.json',
    'rm -rf .github/hooks',
    'echo {} > .gemini/settings.json',
    'echo {} > ~/.codeium/windsurf/hooks.json',
    'echo {} > .windsurf/hooks.json',
    'rm -rf .codex',
    'echo {} > opencode.json',
    'rm -r .clinerules/hooks',
    'rm -rf ~/.copilot/hooks',
    'rm -rf .kiro/hooks',
    `node -e "require('fs').writeFileSync('.claude/settings.json', '{}')"`,
    `ruby -e "File.write(Dir.home + '/.cursor/hooks.json', '{}')"`,
    `perl -pi -e 's/airlock//' .claude/settings.json`,
    `bash -c "echo {} > ~/.claude/settings.json"`,
    `sh -c 'rm -f .cursor/hooks.json'`,
    `env FOO=1 tee .claude/settings.json < /dev/null`,
    `echo '{"airlock.gates.terminalShims": false}' > ~/.config/Code/User/settings.json`,
    'ln -sf /dev/null ~/.config/Cursor/User/globalStorage/airlock-dev.airlock/bin/airlock',
  ])
    test(line, () => assertGuarded(line));
});

describe("runtime folder (the impostor's registry) and the repository's policy", () => {
  for (const line of [
    'mkdir -p $XDG_RUNTIME_DIR/airlock/roots && echo {} > $XDG_RUNTIME_DIR/airlock/roots/abc.json',
    'echo {} > /run/user/1000/airlock/roots/abc.json',
    'rm -rf .airlock',
    'echo {} > .airlock/policy.json',
  ])
    test(line, () => assertGuarded(line));
});

describe('a link to a hook file is that file', () => {
  test('echo > link, where link points at .claude/settings.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airlock-self-'));
    try {
      mkdirSync(join(dir, '.claude'));
      writeFileSync(join(dir, '.claude', 'settings.json'), '{}');
      symlinkSync(join(dir, '.claude', 'settings.json'), join(dir, 'innocent.json'));
      assert.ok(airlockFileKind('innocent.json', dir));
      assert.ok(airlockFilesInside('.', dir), 'the project folder holds a hook file');
      await assertPasses('cat innocent.json', dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reads and everyday work pass', () => {
  for (const line of [
    'cat ~/.claude/settings.json',
    'jq . .cursor/hooks.json',
    'cp ~/.claude/settings.json /tmp/backup.json',
    'grep -r airlock ~/.config/airlock',
    'git status',
    'echo hi > settings.json',
    'cat settings.py > /tmp/x',
    'rm -rf node_modules dist',
    'mkdir -p .claude/commands && echo "# review" > .claude/commands/review.md',
    'echo "API key: see docs" > README.md',
    `node -e "console.log(require('fs').readFileSync('.cursor/hooks.json','utf8'))"`,
    'ls ~/.airlock/logs',
    'sed -n 1,3p .claude/settings.json',
  ])
    test(line, () => assertPasses(line));
});

describe('selfProtectionFindingForPath, for Write/Edit/MultiEdit/NotebookEdit', () => {
  test('hook files, config, log and extension storage are findings; project files are not', () => {
    for (const path of [
      '.claude/settings.json',
      '/home/dev/project/.claude/settings.local.json',
      join(homedir(), '.claude', 'settings.json'),
      '.cursor/hooks.json',
      join(homedir(), '.config', 'airlock', 'policy.json'),
      join(homedir(), '.airlock', 'logs', 'x', 'activity.jsonl'),
      '.github/hooks/airlock.json',
      '.codex/config.toml',
      `${homedir()}/.config/Code/User/globalStorage/airlock-dev.airlock/bin/airlock.env`,
      '~/.config/airlock/policy.json',
      'sub/../.cursor/hooks.json',
    ]) {
      const finding = selfProtectionFindingForPath(path, CWD);
      assert.ok(finding, `${path} should be guarded`);
      assert.equal(finding.decision, 'ask');
      assert.equal(finding.severity, 'critical');
      assert.match(finding.reason, /turn Airlock off/);
    }
    for (const path of ['src/index.ts', 'README.md', '.claude/commands/review.md', 'settings.json', 'docs/airlock.md', '', '.github/workflows/ci.yml']) {
      assert.equal(selfProtectionFindingForPath(path, CWD), undefined, `${path} is ordinary`);
    }
  });
  test('bad input is a clear undefined, never a throw', () => {
    for (const path of [undefined, null, 42, '\u0000', 'x'.repeat(100_000)] as unknown[]) {
      assert.doesNotThrow(() => selfProtectionFindingForPath(path as string, CWD));
    }
  });
});

describe('through the built launcher, as Claude Code runs the hook', () => {
  test("changes to Airlock's files ask; the shell fast path never lets one through", async () => {
    const built = await builtProduct();
    const w = sandbox('airlock-self-built-');
    try {
      for (const line of [
        `echo '{"allow":["railway *"]}' > ~/.config/airlock/policy.json`,
        "echo '{}' > ~/.claude/settings.json",
        "echo '{}' > .cursor/hooks.json",
        ': > ~/.airlock/logs/x/activity.jsonl',
        'rm -rf .github/hooks',
        `sed -i s/airlock/true/ .claude/settings.local.json`,
      ]) {
        const r = await spawnOutcome(built.launcher, ['hook', 'claude'], { cwd: w.ws, env: w.env, stdin: payload.claude(w.ws, line) });
        assert.notEqual(r.stdout, '', `${line}: answered nothing (allowed)`);
        assert.equal(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision, 'ask', line);
      }
    } finally {
      w.dispose();
    }
  });
});
