/**
 * Reads dcg's public test corpus (MIT, kept in the repository at test/corpora/dcg with its
 * LICENSE and SOURCE, so a fresh clone runs it; format in its README). dcg's `deny` is our ask or deny; its `allow` is our
 * allow; edge cases only require an answer without a crash.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// smol-toml ships as ESM only; Node 20's require(esm) loads it from this CommonJS test module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml } = require('smol-toml') as { parse(text: string): unknown };

import { parse as parseYaml } from 'yaml';

export type DcgExpectation = 'deny' | 'allow' | 'no-crash';

export interface DcgCase {
  /** Where it came from: file and position or id. */
  source: string;
  command: string;
  expected: DcgExpectation;
}

export const REPO_ROOT = resolve(__dirname, '../../..');

export function dcgRoot(): string {
  const root = resolve(REPO_ROOT, 'test/corpora/dcg');
  if (!existsSync(join(root, 'README.md'))) {
    throw new Error(`dcg corpus not found at ${root}: it is part of the repository; restore it with git checkout`);
  }
  return root;
}

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path, suffix);
      return name.endsWith(suffix) ? [path] : [];
    });
}

/** dcg's YAML fixtures are not all valid YAML (unescaped quotes): read `- command:` lines one by one. */
function yamlCommands(path: string): Array<{ line: number; key: string; command: string }> {
  const out: Array<{ line: number; key: string; command: string }> = [];
  let key = '';
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const section = /^([A-Za-z0-9_.-]+):\s*$/.exec(text);
      if (section) {
        key = section[1]!;
        return;
      }
      const item = /^\s*- command:\s*(.*)$/.exec(text);
      if (!item) return;
      let command: string;
      try {
        command = String(parseYaml(item[1]!));
      } catch {
        command = item[1]!.replace(/^"|"$/g, '');
      }
      out.push({ line: i + 1, key, command });
    });
  return out;
}

export function loadDcgCorpus(): DcgCase[] {
  const root = dcgRoot();
  const cases: DcgCase[] = [];
  for (const path of files(join(root, 'corpus'), '.toml')) {
    const rel = relative(root, path);
    const doc = parseToml(readFileSync(path, 'utf8')) as { case?: Array<Record<string, unknown>> };
    (doc.case ?? []).forEach((c, i) => {
      if (typeof c.command !== 'string') return;
      const declared = (c.expected ?? c.expected_decision) as string | undefined;
      const expected: DcgExpectation = rel.startsWith('corpus/edge_cases/') ? 'no-crash' : declared === 'deny' ? 'deny' : 'allow';
      cases.push({ source: `${rel}#${typeof c.id === 'string' ? c.id : i + 1}`, command: c.command, expected });
    });
  }
  const fixtures = join(root, 'fixtures');
  for (const { line, command } of yamlCommands(join(fixtures, 'destructive_commands.yaml')))
    cases.push({ source: `fixtures/destructive_commands.yaml:${line}`, command, expected: 'deny' });
  for (const { line, command } of yamlCommands(join(fixtures, 'safe_commands.yaml')))
    cases.push({ source: `fixtures/safe_commands.yaml:${line}`, command, expected: 'allow' });
  for (const { line, key, command } of yamlCommands(join(fixtures, 'edge_cases.yaml'))) {
    cases.push({
      source: `fixtures/edge_cases.yaml:${line}`,
      command,
      expected: key === 'false_negatives' ? 'deny' : key === 'false_positives' ? 'allow' : 'no-crash',
    });
  }
  const e2e = join(root, 'e2e/fixtures/commands');
  for (const name of readdirSync(e2e).sort()) {
    readFileSync(join(e2e, name), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (!text.trim() || text.startsWith('#')) return;
        const source = `e2e/fixtures/commands/${name}:${i + 1}`;
        const tagged = /^(BLOCK|ALLOW|WARN):(.*)$/.exec(text);
        // Multi-line commands are written with \n (and tabs with \t) in these files.
        const command = (tagged ? tagged[2]! : text).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        let expected: DcgExpectation;
        if (name === 'dangerous.txt') expected = 'deny';
        else if (name === 'safe.txt') expected = 'allow';
        else if (tagged && name !== 'edge_cases.txt') expected = tagged[1] === 'BLOCK' ? 'deny' : tagged[1] === 'ALLOW' ? 'allow' : 'no-crash';
        else if (tagged && tagged[1] !== 'WARN') expected = tagged[1] === 'BLOCK' ? 'deny' : 'allow';
        else expected = 'no-crash';
        cases.push({ source, command, expected });
      });
  }
  return cases;
}
