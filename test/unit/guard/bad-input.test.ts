// Bad input gets a clear answer, never a crash or a hang; every decision on 100 KB of
// adversarial input comes back well under 50 ms (best of a few runs, to resist machine noise).

import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { checkCommand, guardTriggers } from '../../../src/core/guard/engine';
import { needsFullCheck } from '../../../src/core/guard/fastpath/prefilter';
import { loadShellParser } from '../../../src/core/shell/parser';

const cwd = '/home/dev/project';

test('an empty or blank line is allowed', async () => {
  for (const line of ['', '   ', '\n\t\n']) assert.equal((await checkCommand(line, { cwd })).decision, 'allow');
});

test('NUL bytes are asked about with a reason', async () => {
  const result = await checkCommand('git status\u0000rm -rf /', { cwd });
  assert.equal(result.decision, 'ask');
  assert.match(result.findings[0]!.reason, /NUL/);
});

test('invalid UTF-8 (decoded to U+FFFD) still gets checked', async () => {
  const line = Buffer.from([0x72, 0x6d, 0x20, 0x2d, 0x72, 0x66, 0x20, 0x2f, 0x20, 0xff, 0xfe]).toString('utf8');
  assert.equal((await checkCommand(line, { cwd })).decision, 'deny');
  const benign = Buffer.from([0x6c, 0x73, 0x20, 0xc3, 0x28]).toString('utf8');
  assert.equal((await checkCommand(benign, { cwd })).decision, 'allow');
});

test('a 1 MB line gets an answer: ask when it mentions a guarded word, allow when it cannot', async () => {
  assert.equal((await checkCommand(`echo ${'a'.repeat(1024 * 1024)}`, { cwd })).decision, 'allow');
  const result = await checkCommand(`echo ${'a'.repeat(1024 * 1024)}; rm -rf src`, { cwd });
  assert.equal(result.decision, 'ask');
  assert.match(result.findings[0]!.reason, /longer than/);
});

test('unbalanced quotes: ask when a guarded tool is mentioned, allow otherwise', async () => {
  assert.equal((await checkCommand("git reset --hard 'oops", { cwd })).decision, 'ask');
  assert.equal((await checkCommand("echo 'unterminated", { cwd })).decision, 'allow');
  assert.equal((await checkCommand('ls "a', { cwd })).decision, 'allow');
});

test('500 nested bash -c or eval stop at the depth limit and ask', async () => {
  const evals = `${'eval '.repeat(500)}git status`;
  const result = await checkCommand(evals, { cwd });
  assert.equal(result.decision, 'ask');
  assert.ok(result.findings.some((f) => f.rule === 'guard.nesting-too-deep'));
  // Properly quoted nesting doubles its escapes each level: 500 levels cannot be written; the
  // unescaped form with an odd number of quotes is unbalanced, and still gets a clear answer.
  const opened = `${'bash -c "'.repeat(499)}rm -rf src`;
  assert.equal((await checkCommand(opened, { cwd })).decision, 'ask');
  let quoted = 'git reset --hard';
  for (let i = 0; i < 12; i++) quoted = `bash -c '${quoted.replace(/'/g, `'\\''`)}'`;
  assert.equal((await checkCommand(quoted, { cwd })).decision, 'ask');
  let shallow = 'git reset --hard';
  for (let i = 0; i < 4; i++) shallow = `bash -c '${shallow.replace(/'/g, `'\\''`)}'`;
  assert.ok((await checkCommand(shallow, { cwd })).findings.some((f) => f.rule === 'git.reset-hard'));
});

/** 100 KB inputs shaped to hurt parsers and rules: deep nesting, long words, many commands. */
function adversarialInputs(): Array<[string, string]> {
  const k100 = 100 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(k100 / unit.length)).slice(0, k100);
  return [
    ['deep parentheses', `${'('.repeat(k100 / 2)}rm -rf src${')'.repeat(k100 / 2)}`],
    ['deep substitutions', `${'$('.repeat(k100 / 3)}git reset --hard${')'.repeat(k100 / 3)}`],
    ['deep braces', `${'{ '.repeat(k100 / 4)}git clean -f;${' }'.repeat(k100 / 4)}`],
    ['many commands', fill('git reset --hard; ')],
    ['long pipeline', fill('rm -rf x | ')],
    ['one long word', `rm -rf ${'a'.repeat(k100)}`],
    ['long quoted string', `git commit -m "${'x '.repeat(k100 / 2)}"`],
    ['unbalanced quotes', fill(`'"`)],
    ['backslashes', fill('\\')],
    ['many variables', fill('A=$B$C${D}; ')],
    ['many flags', `rm ${'-r '.repeat(k100 / 3)}src`],
    ['many heredocs', fill('cat <<E\nrm -rf /\nE\n')],
    ['nested backticks', fill('`echo `')],
    ['many dollar quotes', fill("$'\\x72\\x6d' ")],
    ['globs', fill('rm -rf **/*?[a-z] ')],
    ['newlines', fill('\n')],
    ['brace expansion', fill('{rm,-rf,/} ')],
  ];
}

test('100 KB adversarial inputs: each decision comes back well under 50 ms, and never allows what it cannot read', async () => {
  await loadShellParser();
  const slow: string[] = [];
  for (const [name, line] of adversarialInputs()) {
    let best = Infinity;
    let decision = '';
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      decision = (await checkCommand(line, { cwd })).decision;
      best = Math.min(best, performance.now() - start);
    }
    assert.ok(['allow', 'ask', 'deny'].includes(decision), `${name}: ${decision}`);
    // Too long to parse: allowed only when the fast path proves no rule can match.
    assert.equal(decision === 'allow', !needsFullCheck(line, guardTriggers()), `${name}: ${decision}`);
    if (best >= 50) slow.push(`${name}: ${best.toFixed(1)} ms`);
  }
  assert.deepEqual(slow, []);
});
