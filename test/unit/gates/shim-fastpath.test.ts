import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { needsFullCheck, TASK_RUNNER_WORDS, triggerSet } from '../../../src/core/guard/fastpath/prefilter';
import { allTriggerWords } from '../../../src/core/guard/fastpath/triggers';
import { packs } from '../../../src/core/guard/packs/index';
import { shellFrontFunction } from '../../../src/extension/terminal/prefilter-source';

/**
 * The shims' no-fork front must never let through a line the engine's prefilter would check:
 * it may only send more lines to the full check (here: to the stand-in for the awk check).
 */
test('the shell front of the shim fast path agrees with the engine prefilter', { skip: process.platform === 'win32' }, () => {
  const words = [...triggerSet(allTriggerWords(packs))];
  const lines = [
    'git status',
    'git --version',
    'git log --oneline -5',
    'git push --force origin main',
    'git PUSH origin',
    'railway status',
    'railway volume delete vol_1',
    'terraform plan',
    'terraform destroy -auto-approve',
    'kubectl get pods',
    'kubectl delete ns prod',
    'rm -rf build',
    'rm file.txt',
    'ls -la',
    'docker ps',
    'docker volume prune',
    'helm list',
    'git commit -m "remove rm"',
    "git commit -m 'x'",
    'git add src/*.ts',
    'git checkout -b feat',
    'git stash list',
    'gh api /repos',
    'aws s3 ls',
    'echo $HOME',
    'x=$(rm -rf /)',
    'git log --format=%H',
    'git diff HEAD~1',
    'npm test',
    'make build',
    'git push',
    'FOO=bar git status',
    '. ./script.sh',
    'git status; rm -rf /',
    'git status && terraform destroy',
    'git -C /tmp status',
    'git show v1.0.0:README.md',
    'kubectl --context=prod get pods',
    'fly status -a app',
    'git branch -D old',
    'git\ttab status',
    'git fetch origin +main:main',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'airlock-front-'));
  try {
    const script = join(dir, 'front.sh');
    // The stand-in for the launcher's awk check answers "full check" and marks that it was used.
    writeFileSync(
      script,
      `airlock_needs_full_check() { echo awk; return 0; }\n${shellFrontFunction(words)}\nwhile IFS= read -r line; do if airlock_needs_check "$line" >/dev/null; then echo 1; else echo 0; fi; done\n`,
    );
    const out = spawnSync('sh', [script], { input: `${lines.join('\n')}\n`, encoding: 'utf8', env: { HOME: dir, PATH: process.env.PATH } });
    const answers = out.stdout.trim().split('\n');
    assert.equal(answers.length, lines.length);
    const trigger = new Set(words);
    lines.forEach((line, i) => {
      const engine = needsFullCheck(line, trigger);
      if (engine) assert.equal(answers[i], '1', `"${line}" must get the full check`);
    });
    // And it settles in the shell itself every plain line the engine would let through unparsed.
    const plain = lines.filter((line) => /^[a-z0-9_ .-]+$/.test(line) && !needsFullCheck(line, trigger));
    assert.ok(plain.includes('git status') && plain.length >= 4, plain.join(', '));
    for (const line of plain) assert.equal(answers[lines.indexOf(line)], '0', `"${line}" should pass in the shell`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * `mv` is a trigger only beside `null` (the one rule keyed on it judges a move onto /dev/null):
 * the front settles a plain move in sh itself, and sends every spelling of a move onto /dev/null,
 * every program run by path, and every package manager or task runner on.
 */
test('the shim front settles a plain mv in sh; a move onto /dev/null, a path or a runner goes on', { skip: process.platform === 'win32' }, () => {
  const words = [...triggerSet(allTriggerWords(packs))];
  assert.ok(words.includes('mv&null') && !words.includes('mv'), 'mv is paired with null');
  const dir = mkdtempSync(join(tmpdir(), 'airlock-front-mv-'));
  try {
    const script = join(dir, 'front.sh');
    // shellPrefilter adds the task runner words from prefilter.sh's AIRLOCK_TASK_WORDS.
    writeFileSync(
      script,
      `airlock_needs_full_check() { echo awk; return 0; }\n${shellFrontFunction([...words, ...TASK_RUNNER_WORDS])}\nwhile IFS= read -r line; do r=$(airlock_needs_check "$line"; echo " $?"); echo "$r" | tr '\\n' ' '; echo; done\n`,
    );
    const run = (lines: string[]) =>
      spawnSync('sh', [script], { input: `${lines.join('\n')}\n`, encoding: 'utf8', env: { HOME: dir, PATH: process.env.PATH } })
        .stdout.trim()
        .split('\n')
        .map((l) => l.trim());
    // Settled by the front: exit 1 (no full check), and the awk stand-in never ran.
    assert.deepEqual(run(['mv a b', 'mv -f old new', 'mv -v draft final']), ['1', '1', '1']);
    const onward = [
      'mv a /dev/null',
      'mv -t /dev/null a',
      'mv a null',
      'cd /dev && mv a null',
      'mv a /dev//null',
      'MV a /dev/null',
      'mv a b; mv c /dev/null',
      'null mv',
      './scripts/cleanup',
      'npm test',
      'make test',
      'py.test',
    ];
    const answers = run(onward);
    for (const [i, line] of onward.entries()) assert.match(answers[i]!, /0$/, `"${line}" must go on: ${answers[i]}`);
    // The engine's own prefilter agrees on the pair.
    const set = new Set(words);
    assert.equal(needsFullCheck('mv a b', set), false);
    for (const line of ['mv a /dev/null', 'mv -t /dev/null a', 'MV a /DEV/NULL', "mv a '/dev/null'"]) assert.equal(needsFullCheck(line, set), true, line);
    // A policy's own mv is a plain trigger again.
    assert.equal(needsFullCheck('mv a b', triggerSet(allTriggerWords(packs, ['mv']))), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
