import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ensureDist } from './dist';

const root = resolve(__dirname, '../..');

test('the CLI bundle is one file with a shebang that runs on plain Node with no node_modules', () => {
  // The build the other test files share (rebuilding here would change it under them); the
  // production build is packed and installed by the package UI test.
  const bundle = ensureDist().cli;
  assert.ok(readFileSync(bundle, 'utf8').startsWith('#!/usr/bin/env node\n'));
  const alone = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  copyFileSync(bundle, join(alone, 'airlock.js'));
  for (const asset of ['tree-sitter.wasm', 'tree-sitter-bash.wasm', 'main.wasm']) {
    if (existsSync(join(root, 'dist', asset))) copyFileSync(join(root, 'dist', asset), join(alone, asset));
  }
  const out = execFileSync(process.execPath, [join(alone, 'airlock.js'), '--version'], { cwd: alone, encoding: 'utf8' });
  assert.equal(out.trim(), require('../../package.json').version);
});

test('the extension bundle keeps vscode external and exports activate', () => {
  const text = readFileSync(join(root, 'dist/extension.js'), 'utf8');
  assert.match(text, /require\("vscode"\)/);
});
