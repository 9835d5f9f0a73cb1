// The SimpleCommand contract other areas build on (environment resolver, gates): argv, written,
// assignments, segment, cwd, stdin, via, redirects.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadShellParser } from '../../../src/core/shell/parser';
import { reduceLine } from '../../../src/core/shell/reduce';

before(() => loadShellParser());

const reduce = (line: string, files: Record<string, string> = {}) => reduceLine(line, { cwd: '/work', maxDepth: 8, readFile: (path) => files[path] });

test('argv has the plain tool name; written keeps it as typed; segment is its source text', () => {
  const [rm] = reduce("sudo /usr/bin/rm -rf 'my dir'").commands;
  assert.deepEqual(rm!.argv, ['rm', '-rf', 'my dir']);
  assert.equal(rm!.written, '/usr/bin/rm');
  assert.equal(rm!.segment, "sudo /usr/bin/rm -rf 'my dir'");
  assert.deepEqual(rm!.via, ['sudo']);
  const [railway] = reduce('npx -y @railway/cli@3 volume delete').commands;
  assert.deepEqual(railway!.argv, ['railway', 'volume', 'delete']);
  assert.equal(railway!.written, 'npx @railway/cli@3');
});

test('assignments: prefix, env and earlier on the line; cwd follows cd', () => {
  const commands = reduce('export KUBECONFIG=/k; cd deploy && AWS_PROFILE=prod env -u X TF_WORKSPACE=blue terraform destroy').commands;
  const terraform = commands.find((c) => c.argv[0] === 'terraform')!;
  assert.equal(terraform.assignments.AWS_PROFILE, 'prod');
  assert.equal(terraform.assignments.TF_WORKSPACE, 'blue');
  assert.equal(terraform.assignments.KUBECONFIG, '/k', 'set earlier on the line');
  assert.equal(terraform.cwd, '/work/deploy');
  const [echo] = reduce('T=x; echo $T').commands;
  assert.deepEqual(echo!.argv, ['echo', 'x']);
  assert.equal(reduce('(cd /tmp); pwd').commands.find((c) => c.argv[0] === 'pwd')!.cwd, '/work', 'a subshell keeps its cd');
});

test('stdin: heredoc, here-string, echo and file, or opaque', () => {
  const heredoc = reduce('psql <<SQL\nDROP TABLE users;\nSQL').commands[0]!;
  assert.deepEqual(heredoc.stdin, { kind: 'text', text: 'DROP TABLE users;\n', from: 'heredoc' });
  assert.deepEqual(reduce("mysql <<< 'DROP DATABASE x'").commands[0]!.stdin, { kind: 'text', text: 'DROP DATABASE x\n', from: 'herestring' });
  assert.deepEqual(reduce("echo '{}' | curl -d @- https://x").commands[1]!.stdin, { kind: 'text', text: '{}\n', from: 'echo' });
  assert.deepEqual(reduce('sqlite3 app.db < wipe.sql').commands[0]!.stdin, { kind: 'file', path: 'wipe.sql' });
  assert.deepEqual(reduce('cat a.sql | psql').commands[1]!.stdin, { kind: 'file', path: 'a.sql' });
  assert.equal(reduce('base64 -d x | psql').commands[1]!.stdin!.kind, 'opaque');
});

test('redirections, unresolved words and nested scripts', () => {
  const [tee] = reduce('echo hi > out.txt 2>> err.log').commands;
  assert.deepEqual(tee!.redirects, [
    { operator: '>', target: 'out.txt' },
    { operator: '>>', target: 'err.log', descriptor: '2' },
  ]);
  assert.equal(reduce('rm -rf "$DIR"').commands[0]!.unresolved, true);
  const nested = reduce('bash -c "cd /srv && rm -rf data"').commands.find((c) => c.argv[0] === 'rm')!;
  assert.deepEqual(nested.via, ['bash -c']);
  assert.equal(nested.cwd, '/srv');
  const fromFile = reduce('bash deploy.sh', { 'deploy.sh': 'kubectl delete ns prod\n' }).commands.find((c) => c.argv[0] === 'kubectl')!;
  assert.deepEqual(fromFile.via, ['bash deploy.sh']);
  assert.deepEqual(
    reduce('bash missing.sh').problems.map((p) => p.kind),
    ['unreadable-script'],
  );
});
