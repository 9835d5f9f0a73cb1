// Task and test runners: what each reads and runs, from in-memory files.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJustfile, parseMakefile, taskRunnerPlan } from '../../../src/core/shell/task-runners';

const files = (map: Record<string, string | null>) => ({ read: (p: string) => map[p] ?? undefined, exists: (p: string) => p in map });
const scripts = (argv: string, map: Record<string, string | null>, stdin?: string) => {
  const plan = taskRunnerPlan(argv.split(' '), '/p', stdin === undefined ? undefined : { kind: 'text', text: stdin, from: 'heredoc' }, files(map));
  return plan && { scripts: plan.scripts.map((s) => s.text), programs: plan.programs.map((p) => p.argv.join(' ')), unreadable: plan.unreadable };
};

test('Makefiles: targets, prerequisites, variables, automatic variables and the default target', () => {
  const mk = 'D := /srv\nall: build\nbuild:\n\t@echo $@ in $(D)\nwipe: build\n\t-rm -rf $(D)/data $$HOME/x\n';
  const parsed = parseMakefile(mk);
  assert.equal(parsed.first, 'all');
  assert.deepEqual(parsed.rules.get('wipe')?.deps, ['build']);
  assert.deepEqual(scripts('make wipe', { '/p/Makefile': mk })?.scripts, ['echo build in /srv', 'rm -rf /srv/data $HOME/x']);
  assert.deepEqual(scripts('make', { '/p/Makefile': mk })?.scripts, ['echo build in /srv']);
  assert.deepEqual(scripts('make D=/o wipe', { '/p/Makefile': mk })?.scripts, ['echo build in /o', 'rm -rf /o/data $HOME/x']);
  assert.deepEqual(scripts('make -f - x', {}, 'x:\n\trm y\n')?.scripts, ['rm y']);
  assert.deepEqual(scripts('make -C sub t', { '/p/sub/makefile': 't:\n\tls\n' })?.scripts, ['ls']);
  assert.equal(scripts('make -n wipe', { '/p/Makefile': mk }), undefined, 'a dry run runs nothing');
  assert.equal(scripts('make', {}), undefined, 'no Makefile: make fails and runs nothing');
  assert.deepEqual(scripts('make', { '/p/Makefile': null })?.unreadable, ['the Makefile /p/Makefile']);
  assert.deepEqual(scripts('make x', { '/p/Makefile': 'U = $(shell echo)\nx:\n\t$(UNSET) go\n' })?.scripts, ['"$MAKE_UNSET" go']);
});

test('justfiles: recipes, dependencies, interpolation and shebang recipes', () => {
  const jf = 'default: lint\nlint:\n    eslint .\nsync b="main": lint\n    git reset --hard {{b}}\npy:\n    #!/usr/bin/env python3\n    print(1)\n';
  assert.deepEqual([...parseJustfile(jf).recipes.keys()], ['default', 'lint', 'sync', 'py']);
  assert.deepEqual(scripts('just sync', { '/p/justfile': jf })?.scripts, ['eslint .', 'git reset --hard "$JUST_b"']);
  assert.deepEqual(scripts('just', { '/p/justfile': jf })?.scripts, ['eslint .']);
  assert.deepEqual(scripts('just py', { '/p/justfile': jf })?.programs, ['python3 -']);
  assert.equal(scripts('just --list', { '/p/justfile': jf }), undefined);
});

test('Taskfiles and mise tasks: cmds, deps, nested tasks; unknown tasks are unreadable', () => {
  const tf = 'version: "3"\ntasks:\n  a:\n    deps: [b]\n    cmds:\n      - echo a {{.X}}\n      - task: c\n  b: echo b\n  c:\n    cmds: [{cmd: echo c}]\n';
  assert.deepEqual(scripts('task a', { '/p/Taskfile.yml': tf })?.scripts, ['echo b', 'echo a "$TASK__X"', 'echo c']);
  assert.deepEqual(scripts('task zz', { '/p/Taskfile.yml': tf })?.unreadable.length, 1);
  const mise = '[tasks.a]\nrun = "echo a"\ndepends = ["b"]\n[tasks.b]\nrun = ["echo b1", "echo b2"]\n';
  assert.deepEqual(scripts('mise run a', { '/p/mise.toml': mise })?.scripts, ['echo b1', 'echo b2', 'echo a']);
  assert.deepEqual(scripts('mise run f', { '/p/mise.toml': mise, '/p/mise-tasks/f': '#!/bin/sh\n' })?.programs, ['/p/mise-tasks/f']);
  assert.equal(scripts('mise install', { '/p/mise.toml': mise }), undefined);
});

test('pytest imports conftest.py files; jest and vitest run their config and its setup files', () => {
  assert.deepEqual(scripts('pytest', { '/p/conftest.py': '', '/p/tests/conftest.py': '' })?.programs, [
    'python3 /p/conftest.py',
    'python3 /p/tests/conftest.py',
  ]);
  assert.deepEqual(scripts('pytest other/deep/test_x.py', { '/p/other/conftest.py': '' })?.programs, ['python3 /p/other/conftest.py']);
  assert.deepEqual(scripts('jest', { '/p/jest.config.js': "module.exports = { globalSetup: './setup.js' }" })?.programs, [
    'node /p/jest.config.js',
    'node /p/setup.js',
  ]);
  assert.deepEqual(scripts('jest --config cfg/j.ts', { '/p/cfg/j.ts': '' })?.programs, ['node /p/cfg/j.ts']);
  assert.deepEqual(scripts('vitest run', { '/p/vite.config.ts': '' })?.programs, ['node /p/vite.config.ts']);
  assert.deepEqual(scripts('jest', {})?.programs, []);
});

test('runaway recipes are asked about, never followed without end or skipped silently', () => {
  const chain = Array.from({ length: 200 }, (_, i) => `t${i}: t${i + 1}\n\techo ${i}`).join('\n');
  assert.ok(scripts('make t0', { '/p/Makefile': chain })!.unreadable.length > 0, 'a chain past the limit');
  const bomb = Array.from({ length: 30 }, (_, i) => `V${i} = $(V${i + 1})$(V${i + 1})`).join('\n') + '\nV30 = x\nall:\n\techo $(V0)\n';
  assert.ok(
    scripts('make', { '/p/Makefile': bomb })!.unreadable.some((u) => /expand past/.test(u)),
    'a doubling variable',
  );
  assert.deepEqual(scripts('make', { '/p/Makefile': 'A = $(B)\nB = $(A)\nall:\n\techo $(A)\n' })!.scripts, ['echo "$MAKE_A"'], 'a cycle is unknown');
  assert.ok(scripts('task', { '/p/Taskfile.yml': `tasks:\n  default: echo ${'x'.repeat(70 * 1024)}\n` })!.unreadable.length > 0, 'too large to parse');
  assert.ok(
    scripts('task', {
      '/p/Taskfile.yml':
        'a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ntasks: {default: echo}\n',
    })!.unreadable.length > 0,
    'an alias bomb',
  );
});
