// How the cloud packs read a CLI's subcommand path: option values, unknown options, help, verbs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asksForHelp, readings } from '../../../src/core/argv';
import { leadingVerb, matchPath, matchTopicPath } from '../../../src/core/guard/packs/cli-words';
import { packs } from '../../../src/core/guard/packs/index';
import { runnerCommand } from '../../../src/core/guard/packs/nested-commands';
import type { SimpleCommand } from '../../../src/core/shell/command';

/** The CLI packs (the data packs read bodies and code, and have their own adversarial tests in test/unit/data-packs/). */
const CLOUD_PACKS = packs.filter((p) => !['filesystem', 'git', 'databases', 'http', 'interpreters'].includes(p.id));

import type { RuleContext } from '../../../src/core/guard/rule';

function command(...argv: string[]): SimpleCommand {
  return { argv, written: argv[0]!, assignments: {}, segment: argv.join(' '), cwd: '/', via: [] };
}

test('known valued options take their value; unknown ones are read both ways', () => {
  assert.deepEqual(readings(['-n', 'prod', 'delete', 'ns', 'x'], ['-n']), [['delete', 'ns', 'x']]);
  assert.deepEqual(readings(['--context', 'prod', 'delete', 'ns'], []), [
    ['prod', 'delete', 'ns'],
    ['delete', 'ns'],
  ]);
  assert.deepEqual(readings(['--context=prod', 'delete'], []), [['delete']]);
  assert.deepEqual(readings(['exec', 'pod', '--', 'rm', '-rf', '/'], []), [['exec', 'pod', 'rm', '-rf', '/']]);
});

test('a path behind an unfamiliar option still matches', () => {
  assert.ok(matchPath(command('railway', 'volume', '--unheard-of', 'x', 'delete'), [], ['volume', 'delete']));
  assert.ok(matchPath(command('railway', 'volume', '-s', 'api', 'rm'), ['-s'], ['volume', ['delete', 'rm']]));
  assert.equal(matchPath(command('railway', 'volume', 'list'), [], ['volume', 'delete']), undefined);
});

test('help requests match nothing, but a resource named help does not hide a delete', () => {
  assert.ok(asksForHelp(['volume', 'delete', '--help']));
  assert.ok(asksForHelp(['help', 'volume']));
  assert.ok(asksForHelp(['-h']));
  assert.ok(!asksForHelp(['-h', 'Cache-Control:no-cache', 'rm'], ['-h']), '-h that takes a value is not help');
  assert.ok(!asksForHelp(['delete', 'ns', 'help']));
  assert.ok(!asksForHelp(['exec', 'pod', '--', 'tool', '--help']), 'help after -- belongs to the inner command');
  assert.equal(matchPath(command('railway', 'volume', 'delete', '-h'), [], ['volume', 'delete']), undefined);
});

test('topic:command names open up', () => {
  assert.deepEqual(matchTopicPath(command('heroku', 'pg:backups:delete', 'b1'), [], ['pg', 'backups', 'delete']), ['pg', 'backups', 'delete', 'b1']);
  assert.ok(matchTopicPath(command('heroku', 'apps', 'destroy'), [], ['apps', 'destroy']));
});

test('leadingVerb stops at harmless verbs and at names', () => {
  assert.deepEqual(leadingVerb(['sql', 'instances', 'delete', 'db'], ['delete']), ['sql', 'instances', 'delete']);
  assert.equal(leadingVerb(['compute', 'droplet', 'create', 'd'], ['d']), undefined);
  assert.equal(leadingVerb(['compute', 'instances', 'describe', 'delete'], ['delete']), undefined);
  assert.equal(leadingVerb(['storage', 'gs://x/delete'], ['delete']), undefined);
  assert.equal(leadingVerb(['a', 'b', 'c', 'd', 'e', 'delete'], ['delete'], 5), undefined);
});

test("runnerCommand finds the command a runner runs, past the runner's own options", () => {
  assert.deepEqual(runnerCommand(command('railway', 'run', '-e', 'prod', 'rm', '-rf', '/d'), ['run'], ['-e']), ['rm', '-rf', '/d']);
  assert.deepEqual(runnerCommand(command('doppler', 'run', '--config', 'prd', '--', 'npm', 'start'), ['run'], ['--config']), ['npm', 'start']);
  assert.deepEqual(
    runnerCommand(command('railway', 'run', 'terraform', 'destroy', '--help'), ['run'], []),
    ['terraform', 'destroy', '--help'],
    "the inner command's help is its own",
  );
  assert.equal(runnerCommand(command('railway', '--help', 'run', 'x'), ['run'], []), undefined);
  assert.equal(runnerCommand(command('railway', 'logs', 'run'), ['run'], []), undefined, 'run must be the subcommand, not an argument');
  assert.deepEqual(runnerCommand(command('railway', 'run'), ['run'], []), []);
});

const context: RuleContext = {
  readFile: () => undefined,
  checkLine: () => [],
  checkArgv: () => [],
  protectedBranches: [],
  routineDeletePaths: [],
};

test('every cloud rule answers a 100 KB adversarial argv without hanging', () => {
  const shapes = [
    Array.from({ length: 20_000 }, (_, i) => `--opt${i}`),
    Array.from({ length: 25_000 }, () => '-n'),
    Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 'delete' : '--x')),
    Array.from({ length: 10_000 }, (_, i) => `a:b:c${i}`),
    ['--', ...Array.from({ length: 25_000 }, () => 'rm')],
  ];
  for (const pack of CLOUD_PACKS) {
    for (const rule of pack.rules) {
      for (const tool of rule.tools) {
        for (const shape of shapes) {
          const started = performance.now();
          rule.match(command(tool, ...shape), context);
          const elapsed = performance.now() - started;
          // A hang check, not a benchmark: quadratic work on 20 000 words takes seconds.
          assert.ok(elapsed < 500, `${rule.id} on ${tool} took ${elapsed.toFixed(0)} ms`);
        }
      }
    }
  }
});
