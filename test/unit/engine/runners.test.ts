// Wrappers that run a command they are handed: what each one runs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrapRunner } from '../../../src/core/shell/runners';

const runs = (line: string) => {
  const u = unwrapRunner(line.split(' '));
  if (!u) return undefined;
  if (u.kind === 'argv') return u.argv.join(' ');
  if (u.kind === 'script') return `sh: ${u.text}`;
  if (u.kind === 'many') return `many: ${u.argvs.map((a) => a.join(' ')).join(' | ')}`;
  if (u.kind === 'script-file') return `file: ${u.path}`;
  return u.kind;
};

test('env loaders and secret runners run the command after their options', () => {
  assert.equal(runs('cross-env A=1 B=2 rm -rf x'), 'rm -rf x');
  assert.equal(runs('dotenvx run -f .env.prod -- rm -rf x'), 'rm -rf x');
  assert.equal(runs('dotenvx run rm -rf x'), 'rm -rf x');
  assert.equal(runs('infisical run --env=prod -- rm x'), 'rm x');
  assert.equal(runs('aws-vault exec prod -- aws s3 ls'), 'aws s3 ls');
  assert.equal(runs('aws-vault exec prod aws s3 ls'), 'aws s3 ls');
  assert.equal(runs('direnv exec . rm x'), 'rm x');
  assert.equal(runs('dotenvx encrypt'), undefined);
});

test('sessions, schedulers and benchmarks run their strings in a shell', () => {
  assert.equal(runs('tmux new-session -d -s x cmd'), 'sh: cmd');
  assert.equal(runs('tmux new -d -c /srv a b'), 'sh: a b');
  assert.equal(runs('tmux list-sessions'), undefined);
  assert.equal(runs('screen -dmS job rm x'), 'rm x');
  assert.equal(runs('script -qc cmd /dev/null'), 'sh: cmd');
  assert.equal(runs('at now'), 'stdin-script');
  assert.equal(runs('at -f jobs.txt now'), 'file: jobs.txt');
  assert.equal(runs('at -l'), undefined);
  assert.equal(runs('hyperfine -w 3 a b'), 'sh: a\nb');
  assert.equal(runs('concurrently npm:dev x'), 'sh: npm run dev\nx');
});

test('sandboxes, debuggers and project runners run their command', () => {
  for (const [line, inner] of [
    ['firejail --noprofile rm x', 'rm x'],
    ['proxychains4 -q -f p.conf rm x', 'rm x'],
    ['fakeroot -- rm x', 'rm x'],
    ['pkexec --user root rm x', 'rm x'],
    ['valgrind --tool=memcheck rm x', 'rm x'],
    ['gdb -q --args rm x', 'rm x'],
    ['perf stat -e cycles -- rm x', 'rm x'],
    ['mise exec node@20 -- rm x', 'rm x'],
    ['uv run --with a rm x', 'rm x'],
    ['uv run app.py', 'python app.py'],
    ['poetry run rm x', 'rm x'],
    ['pipenv run rm x', 'rm x'],
    ['chronic rm x', 'rm x'],
    ['eatmydata rm x', 'rm x'],
    ['torsocks rm x', 'rm x'],
  ] as const) {
    assert.equal(runs(line), inner, line);
  }
  assert.equal(runs('sg docker -c cmd'), 'sh: cmd');
  assert.equal(runs('perf report'), undefined);
  assert.equal(runs('poetry install'), undefined);
});

test('ansible and docker run keep the outer command and add the inner one', () => {
  assert.equal(runs('ansible web -m shell -a cmd'), 'many: sh -c cmd');
  assert.equal(runs('ansible web -m ping'), undefined);
  assert.equal(runs('docker run --rm amazon/aws-cli s3 ls'), 'many: aws s3 ls');
  assert.equal(runs('docker run --rm -e T=1 alpine rm -rf /var/cache'), undefined, 'inside a throwaway container');
  assert.equal(runs('docker run --rm --entrypoint kubectl bitnami/x delete ns a'), 'many: kubectl delete ns a');
});
