// Tools that run shell commands they are handed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { awkCommands, COMPUTED_COMMAND, exCommands, toolCommands } from '../../../src/core/shell/tool-commands';

test('awk: literal system(), getline and print pipes are read; built ones are run-time commands', () => {
  assert.deepEqual(awkCommands('BEGIN { system("rm -rf x") }'), ['rm -rf x']);
  assert.deepEqual(awkCommands('BEGIN { "date +%s" | getline t }'), ['date +%s']);
  assert.deepEqual(awkCommands('{ print $1 | "sort -u" }'), ['sort -u']);
  assert.deepEqual(awkCommands('{ print "rm " $1 | "sh" }'), [COMPUTED_COMMAND]);
  assert.deepEqual(awkCommands('{ system("rm " $1) }'), [COMPUTED_COMMAND]);
  assert.deepEqual(awkCommands('{ cmd | getline x }'), [COMPUTED_COMMAND]);
  assert.deepEqual(awkCommands('{ print $1 }'), []);
  assert.deepEqual(awkCommands('$3 > 10 || $2 == "x" { n++ }'), []);
});

test('ex commands: bangs, read/write through a command, and evaluation', () => {
  assert.deepEqual(exCommands('!rm -rf x'), ['rm -rf x']);
  assert.deepEqual(exCommands(':silent !make'), ['make']);
  assert.deepEqual(exCommands('r !date'), ['date']);
  assert.deepEqual(exCommands('%!sort'), ['sort']);
  assert.deepEqual(exCommands('call system(g:x)'), [COMPUTED_COMMAND]);
  assert.deepEqual(exCommands('q!'), []);
  assert.deepEqual(exCommands('wq'), []);
  assert.deepEqual(exCommands('set nu'), []);
});

test('git: command-valued settings, aliases and subcommands that run commands', () => {
  const text = (line: string) => {
    const u = toolCommands(line.split('|'));
    return u?.kind === 'many' ? u.argvs[0]![2] : undefined;
  };
  assert.equal(text('git|-c|alias.x=!rm -rf y|x'), 'rm -rf y');
  assert.equal(text('git|-c|alias.x=!rm|y'), undefined, 'the alias is not the subcommand run');
  assert.equal(text('git|-c|core.fsmonitor=./spy|status'), './spy');
  assert.equal(text('git|-c|core.fsmonitor=true|status'), undefined);
  assert.equal(text('git|-c|credential.helper=store|push'), undefined);
  assert.equal(text('git|-c|credential.helper=!f() { rm x; }; f|push'), 'f() { rm x; }; f');
  assert.equal(text('git|-c|core.hooksPath=h|commit'), COMPUTED_COMMAND);
  assert.equal(text('git|submodule|foreach|--recursive|git clean -fdx'), 'git clean -fdx');
  assert.equal(text('git|bisect|run|rm|-rf|x'), 'rm -rf x');
  assert.equal(text('git|rebase|-x|make test|main'), 'make test');
  assert.equal(text('git|difftool|--extcmd=rm x'), 'rm x');
  assert.equal(text('git|-c|color.ui=always|log'), undefined);
  assert.equal(text('git|status'), undefined);
});
