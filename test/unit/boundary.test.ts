import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = resolve(__dirname, '../..');
const core = join(root, 'src/core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports or requires, read by TypeScript's own pre-processor, not a regex. */
export function importsOf(file: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

test('src/core never imports vscode, directly or through src/extension', () => {
  const offenders: string[] = [];
  for (const file of sources(core)) {
    for (const spec of importsOf(file, readFileSync(file, 'utf8'))) {
      const target = spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
      // Inside src/core, or the package manifest (for the version); nothing else of ours.
      const allowedRelative = target !== undefined && (target.startsWith(core) || target === join(root, 'package.json'));
      if (spec === 'vscode' || spec.startsWith('vscode/') || (target !== undefined && !allowedRelative)) {
        offenders.push(`${relative(root, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('the import check itself catches vscode imports in every form', () => {
  const forms = [
    "import * as vscode from 'vscode';",
    "import { window } from 'vscode';",
    "import type { Uri } from 'vscode';",
    "const vscode = require('vscode');",
    "export { window } from 'vscode';",
    "const v = await import('vscode');",
  ];
  for (const form of forms) assert.ok(importsOf('x.ts', form).includes('vscode'), form);
});
