import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { redactText } from '../../../src/core/redact';
import { detectSecretSpans } from '../../../src/core/tokens/detect';
import { diagnosticMessage, hoverMarkdown, rotationChecklist, treeDescription, treeLabel } from '../../../src/core/tokens/present';
import { allRules } from '../../../src/core/tokens/rules/index';
import { WorkspaceScanner } from '../../../src/core/tokens/scan';
import { plantedPositives } from '../../fixtures/tokens/classes/planted-classes';

// Every valid example of every rule, planted as its own file; then every output is searched.
const examples = allRules.flatMap((r) => r.examples.valid.map((text, i) => ({ name: `${r.id}-${i}.env`, text })));
const secrets = new Set<string>();
for (const { text } of examples) {
  for (const span of detectSecretSpans(text, { fileName: 'x.env' })) {
    const secret = text.slice(span.start, span.end);
    if (secret.length >= 8) secrets.add(secret);
  }
}

function leaks(output: string): string[] {
  return [...secrets].filter((s) => output.includes(s)).map((s) => `${s.slice(0, 12)}… (${s.length})`);
}

test('the planted secrets are many and varied (the search below means something)', () => {
  assert.ok(secrets.size >= 200, `only ${secrets.size}`);
});

test('no full secret in CLI text, JSON, SARIF or --verbose output', async () => {
  const root = mkdtempSync(join(tmpdir(), 'airlock-leak-'));
  try {
    for (const { name, text } of examples) writeFileSync(join(root, name), text);
    for (const format of [[], ['--json'], ['--sarif'], ['--verbose']]) {
      const io: CliIO & { all: string } = {
        all: '',
        stdout: (t) => {
          io.all += t;
        },
        stderr: (t) => {
          io.all += t;
        },
        readStdin: async () => '',
        env: {},
        cwd: root,
      };
      assert.equal(await runCli(['scan', ...format], io), 1);
      assert.deepEqual(leaks(io.all), [], `leak in ${format.join(' ') || 'text'} output`);
    }
    const { findings } = await new WorkspaceScanner(root).scanAll();
    assert.ok(findings.length >= examples.length);
    const editorTexts = findings.flatMap((f) => [
      diagnosticMessage(f),
      hoverMarkdown(f),
      rotationChecklist(f),
      treeLabel(f),
      treeDescription(f),
      JSON.stringify(f),
    ]);
    assert.deepEqual(leaks(editorTexts.join('\n')), [], 'leak in diagnostics, hovers, tree items or findings');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('redactText removes every planted secret from free text', () => {
  for (const { text } of examples) assert.deepEqual(leaks(redactText(text)), [], text.slice(0, 60));
});

test('an internal error prints no input', async () => {
  const secret = [...secrets][0]!;
  const io: CliIO & { all: string } = {
    all: '',
    stdout: (t) => {
      io.all += t;
    },
    stderr: (t) => {
      io.all += t;
    },
    readStdin: async () => '',
    env: {},
    cwd: `/nonexistent/${secret}`,
  };
  const code = await runCli(['scan', secret], io);
  assert.equal(code, 2);
  assert.ok(!io.all.includes(secret), 'a usage error must not echo a secret-looking path in full');
});

test('no full secret in any output for the planted classes (every new format, in every syntax)', async () => {
  const planted = plantedPositives();
  const root = mkdtempSync(join(tmpdir(), 'airlock-leak-classes-'));
  try {
    for (const [i, p] of planted.entries()) writeFileSync(join(root, `${i}-${p.fileName.replace(/^\./, 'dot')}`), p.text);
    writeFileSync(join(root, 'client.p12'), Buffer.from([0x30, 0x82, 0x0a, 0x71, 0x02, 0x01, 0x03, 0x00]));
    const values = planted.map((p) => p.secret).filter((s) => s.length >= 8);
    const leaked = (out: string) => values.filter((s) => out.includes(s)).map((s) => `${s.slice(0, 8)}… (${s.length})`);
    for (const format of [[], ['--json'], ['--sarif'], ['--verbose']]) {
      const io: CliIO & { all: string } = {
        all: '',
        stdout: (t) => {
          io.all += t;
        },
        stderr: (t) => {
          io.all += t;
        },
        readStdin: async () => '',
        env: {},
        cwd: root,
      };
      assert.equal(await runCli(['scan', ...format], io), 1);
      assert.deepEqual(leaked(io.all), [], `leak in ${format.join(' ') || 'text'} output`);
      if (format[0] === '--json') assert.ok(io.all.includes('pkcs12-keystore'), 'the .p12 file is reported');
    }
    const { findings } = await new WorkspaceScanner(root).scanAll();
    assert.ok(findings.length >= planted.length);
    const texts = findings.flatMap((f) => [diagnosticMessage(f), hoverMarkdown(f), rotationChecklist(f), treeLabel(f), treeDescription(f), JSON.stringify(f)]);
    assert.deepEqual(leaked(texts.join('\n')), []);
    for (const p of planted) assert.deepEqual(leaked(redactText(p.text)), [], `redactText left ${p.format} in ${p.syntax}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
