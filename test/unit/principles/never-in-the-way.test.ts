/**
 * Principle: fail closed for destruction, never get in the way otherwise. A hundred everyday
 * agent commands, several with scary words in data positions, must be `allow` with no findings
 * through `airlock check`, and through the launcher's `hook claude` answer with no output and
 * exit 0 (Claude Code's own permission flow then applies). The launcher's shell fast path is
 * counted: how many of them it settles without starting Node at all.
 */

import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { builtProduct, cli, payload, sandbox, spawnOutcome } from './harness';

export const EVERYDAY = [
  'git status',
  'git status --short',
  'git diff',
  'git diff --staged',
  'git diff HEAD~1 -- src/app.ts',
  'git log --oneline -20',
  'git log -p --follow src/app.ts',
  'git show HEAD',
  'git add src/app.ts',
  'git add -A',
  'git commit -m "fix: delete button removes the draft, not the booking"',
  'git commit -am "drop unused import"',
  'git branch',
  'git branch -a',
  'git checkout -b feature/reset-password',
  'git switch main',
  'git fetch origin',
  'git pull --rebase',
  'git push origin feature/reset-password',
  'git stash list',
  'git blame src/db.ts',
  'git rev-parse HEAD',
  'git remote -v',
  'npm test',
  'npm run build',
  'npm install',
  'npm install --save-dev vitest',
  'npm ci',
  'npm run lint -- --fix',
  'npx tsc --noEmit',
  'tsc -p .',
  'npx vitest run',
  'npx jest --watch=false',
  'npx eslint src',
  'npx prettier --check .',
  'yarn test',
  'pnpm install',
  'pnpm run dev',
  'ls',
  'ls -la',
  'ls -la src/',
  'pwd',
  'cat README.md',
  'cat package.json',
  'head -50 src/app.ts',
  'tail -n 100 logs/app.log',
  'wc -l src/*.ts',
  'grep -rn "DROP TABLE" migrations/',
  'grep -ri "delete" src/',
  'rg "rm -rf" scripts/',
  'rg -n "volumeDelete" src',
  'grep -n destroy README.md',
  'find . -name "*.test.ts"',
  'find src -type f -name "*.sql"',
  'tree -L 2',
  'echo "terraform destroy is dangerous"',
  'echo $PATH',
  'node scripts/build.js',
  'node --version',
  'node -e "console.log(1+1)"',
  'python3 manage.py test',
  'python -m pytest -q',
  'pytest tests/',
  'python3 -c "print(\'hello\')"',
  'pip install -r requirements.txt',
  'uv run pytest',
  'make',
  'make test',
  'make build',
  'cargo test',
  'cargo build --release',
  'cargo clippy',
  'go test ./...',
  'go build ./...',
  'go vet ./...',
  'docker ps',
  'docker images',
  'docker build -t app .',
  'docker compose ps',
  'docker logs api --tail 50',
  'kubectl get pods',
  'kubectl get pods -n payments',
  'kubectl describe pod api-7d9f',
  'kubectl logs deploy/api',
  'terraform plan',
  'terraform fmt',
  'terraform validate',
  'terraform init',
  'curl https://api.github.com/repos/acme/app',
  'curl -s https://example.com',
  'curl -I https://acme.dev/health',
  'gh pr view 42',
  'gh pr list',
  'gh issue view 7',
  'gh run list',
  'mkdir -p src/components',
  'touch src/new.ts',
  'cp .env.example .env.test',
  'mv src/old.ts src/new.ts',
  'sed -n 1,40p src/app.ts',
  'jq .scripts package.json',
  'diff a.txt b.txt',
  'sort data.csv | uniq -c',
  'railway status',
  'railway logs',
  'aws s3 ls',
  'aws sts get-caller-identity',
  'psql -h localhost -c "select count(*) from bookings"',
];

let built: { cli: string; launcher: string };
before(async () => {
  built = await builtProduct();
});

test('the everyday list is about a hundred distinct commands', () => {
  assert.ok(EVERYDAY.length >= 100, `${EVERYDAY.length}`);
  assert.equal(new Set(EVERYDAY).size, EVERYDAY.length);
});

test('every everyday command is allow with no findings through airlock check', async () => {
  const w = sandbox();
  try {
    mkdirSync(join(w.ws, 'scripts'));
    writeFileSync(join(w.ws, 'scripts', 'build.js'), 'console.log("build")\n');
    writeFileSync(join(w.ws, 'manage.py'), 'print("tests")\n');
    const noisy: string[] = [];
    for (const line of EVERYDAY) {
      const r = await cli(['check', '--json', '--', line], { cwd: w.ws, env: w.env });
      const result = JSON.parse(r.stdout);
      if (r.code !== 0 || result.decision !== 'allow' || result.findings.length)
        noisy.push(`${line} -> ${result.decision} ${result.findings.map((f: { rule: string }) => f.rule).join(',')}`);
    }
    assert.deepEqual(noisy, [], 'false alarms teach people to switch Airlock off');
  } finally {
    w.dispose();
  }
});

test('the launcher answers every everyday hook claude call with no output and exit 0; the fast path settles most without Node', async () => {
  const w = sandbox();
  try {
    mkdirSync(join(w.ws, 'scripts'));
    writeFileSync(join(w.ws, 'scripts', 'build.js'), 'console.log("build")\n');
    writeFileSync(join(w.ws, 'manage.py'), 'print("tests")\n');
    // A copy of the launcher whose runtime does not exist: whatever it answers, it answered in sh.
    const bin = join(w.base, 'bin');
    mkdirSync(bin);
    copyFileSync(built.launcher, join(bin, 'airlock'));
    chmodSync(join(bin, 'airlock'), 0o755);
    writeFileSync(join(bin, 'airlock.env'), `AIRLOCK_CLI=${built.cli}\nAIRLOCK_RUNTIME=/nonexistent/airlock-runtime\nAIRLOCK_RUNTIME_IS_ELECTRON=0\n`);
    let withoutNode = 0;
    const wrong: string[] = [];
    for (const line of EVERYDAY) {
      const body = payload.claude(w.ws, line);
      const shellOnly = await spawnOutcome(join(bin, 'airlock'), ['hook', 'claude'], { cwd: w.ws, env: w.env, stdin: body });
      if (shellOnly.code === 0 && shellOnly.stdout === '' && shellOnly.stderr === '') withoutNode++;
      const r = await spawnOutcome(built.launcher, ['hook', 'claude'], { cwd: w.ws, env: w.env, stdin: body });
      if (r.timedOut || r.code !== 0 || r.stdout !== '' || r.stderr !== '') wrong.push(`${line} -> exit ${r.code} ${r.stdout}${r.stderr}`.trim());
    }
    assert.deepEqual(wrong, [], 'a benign call must pass silently');
    console.log(`launcher fast path: ${withoutNode} of ${EVERYDAY.length} everyday commands settled without starting Node`);
    // Not a timing claim: the count of calls that never needed the runtime at all.
    assert.ok(withoutNode >= EVERYDAY.length / 2, `only ${withoutNode} of ${EVERYDAY.length} settled by the fast path`);
  } finally {
    w.dispose();
  }
});

test('the same launcher does stop a destructive call (the silent answers above can fail)', async () => {
  const w = sandbox();
  try {
    for (const line of ['railway volume delete vol_prod', 'git push --force origin main', 'rm -rf ~']) {
      const r = await spawnOutcome(built.launcher, ['hook', 'claude'], { cwd: w.ws, env: w.env, stdin: payload.claude(w.ws, line) });
      assert.notEqual(r.stdout, '', line);
      assert.match(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision, /^(ask|deny)$/);
    }
  } finally {
    w.dispose();
  }
});
