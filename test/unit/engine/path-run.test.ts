// Programs run by their path: #! lines, sh text, compiled programs.

import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { checkCommand } from '../../../src/core/guard/engine';
import { loadShellParser } from '../../../src/core/shell/parser';
import { reduceLine } from '../../../src/core/shell/reduce';

before(() => loadShellParser());

const files: Record<string, string> = {
  '/w/x': '#!/usr/bin/env -S python3 -u\nimport os\n',
  '/w/y': 'rm -rf /srv\n',
  '/w/z': '#!/bin/bash -e\ngit reset --hard\n',
};
const reduce = (line: string) =>
  reduceLine(line, { cwd: '/w', maxDepth: 8, readFile: (p, cwd) => files[p.startsWith('/') ? p : `${cwd}/${p.replace(/^\.\//, '')}`] });
const argvs = (line: string) => reduce(line).commands.map((c) => c.argv.join(' '));

test('the #! line names the interpreter, as the kernel reads it', () => {
  assert.ok(argvs('./x a').includes('python3 -u ./x a'));
  assert.ok(argvs('./z').includes('git reset --hard'));
  assert.ok(argvs('./y').includes('rm -rf /srv'), 'no #!: sh runs the text');
  assert.ok(argvs('sudo ./y').includes('rm -rf /srv'));
});

test('tools in tool folders are judged by name, not read', () => {
  assert.deepEqual(reduce('/usr/bin/rm -rf x').problems, []);
  assert.deepEqual(reduce('./node_modules/.bin/eslint .').problems, []);
});

test('a missing program asks; a compiled one runs like any tool', async () => {
  assert.ok(reduce('./missing').problems.some((p) => p.kind === 'unreadable-script'));
  const dir = mkdtempSync(join(tmpdir(), 'airlock-elf-'));
  writeFileSync(join(dir, 'app'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(64)]));
  chmodSync(join(dir, 'app'), 0o755);
  assert.equal((await checkCommand('./app --serve', { cwd: dir })).decision, 'allow');
  assert.equal((await checkCommand('./nothing-here', { cwd: dir })).decision, 'ask');
});
