/**
 * Cloud pack rules called directly on hand-built simple commands (a quote-aware word splitter,
 * no parser, no unwrapping), for what the examples alone cannot show: manifests read from disk,
 * nested findings' reasons, and fast-path soundness of the cloud corpus. Every rule's metadata
 * and examples run through the rule tester in test/unit/guard/rules.test.ts.
 */

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../../../src/core/findings';
import { packs } from '../../../src/core/guard/packs/index';
import { exampleLine, type RuleContext } from '../../../src/core/guard/rule';
import type { SimpleCommand } from '../../../src/core/shell/command';

const CLOUD_PACKS = packs.filter((p) => !['filesystem', 'git', 'databases', 'http', 'interpreters'].includes(p.id));

import { needsFullCheck, triggerSet } from '../../../src/core/guard/fastpath/prefilter';
import type { Corpus } from '../../corpus/types';

const corpusDir = resolve(__dirname, '../../corpus');
function loadCorpus(file: string): Corpus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(resolve(corpusDir, file)) as { default: Corpus }).default;
}

/** Splits a plain command line into words as a shell would for simple quoting; enough for rule examples. */
function words(line: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) out.push(word);
  return out;
}

/** One simple command, with the two stdin shapes rule examples use: `A | cmd` and `cmd <<< 'text'`. */
function simple(line: string): SimpleCommand {
  const piped = line.split(' | ');
  const last = piped[piped.length - 1]!;
  const [head, hereString] = last.split(' <<< ');
  const argv = words(head!);
  const stdin: SimpleCommand['stdin'] =
    hereString !== undefined
      ? { kind: 'text', text: words(hereString).join(' '), from: 'herestring' }
      : piped.length > 1
        ? { kind: 'opaque', from: words(piped[0]!)[0]! }
        : undefined;
  return { argv, written: argv[0] ?? '', assignments: {}, segment: line, cwd: '/work', via: [], ...(stdin ? { stdin } : {}) };
}

/** A stand-in for the engine: nested SQL or scripts count as destructive when they drop something or cannot be read. */
function nested(text: string): Finding[] {
  // Nested lines include the heredocs built from a platform shell's standard input (`psql <<'FENCE'`).
  return /DROP TABLE|TRUNCATE|rm -rf|wipe\.sql/.test(text)
    ? [{ rule: 'stand-in.nested', severity: 'critical', decision: 'ask', reason: 'destroys data', segment: text }]
    : [];
}

const context: RuleContext = {
  readFile: () => undefined,
  checkLine: (line) => nested(line),
  checkArgv: (argv) => nested(argv.join(' ')),
  protectedBranches: ['main', 'master'],
  routineDeletePaths: [],
};

test('kubectl delete -f reads the manifest: namespaces and volumes in it make the question critical', () => {
  const rule = CLOUD_PACKS.find((p) => p.id === 'kubectl')!.rules.find((r) => r.id === 'kubectl.delete')!;
  const files: Record<string, string> = {
    'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n',
    'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
  };
  const reading: RuleContext = { ...context, readFile: (path) => files[path] };
  assert.equal(rule.match(simple('kubectl delete -f ns.yaml'), reading)?.severity, 'critical');
  assert.equal(rule.match(simple('kubectl delete -f web.yaml'), reading)?.severity, undefined, "a plain deployment keeps the rule's medium severity");
  assert.ok(rule.match(simple('kubectl delete -f missing.yaml'), reading), 'an unreadable manifest still asks');
});

test("a destructive command run through a platform takes the nested finding's reason", () => {
  const rule = CLOUD_PACKS.find((p) => p.id === 'railway')!.rules.find((r) => r.id === 'railway.run-destructive')!;
  const verdict = rule.match(simple('railway run -e production rm -rf /srv/data'), context);
  assert.equal(verdict?.reason, 'With Railway environment variables: destroys data');
  assert.equal(verdict?.severity, 'critical');
  assert.equal(rule.match(simple('railway run -e production npm start'), context), undefined);
});

test("fast path soundness: every line a cloud rule must catch contains one of that rule's own keywords", () => {
  const missing: string[] = [];
  const byId = new Map(CLOUD_PACKS.flatMap((p) => p.rules.map((r) => [r.id, r] as const)));
  const lines: Array<[string, string]> = [...byId.values()].flatMap((r) => r.examples.match.map(exampleLine).map((l) => [r.id, l] as [string, string]));
  for (const file of readdirSync(corpusDir).filter((f) => f.startsWith('cloud-'))) {
    for (const [expected, line, id] of loadCorpus(file)) if (expected !== 'allow' && id && byId.has(id)) lines.push([id, line]);
  }
  for (const [id, line] of lines) {
    if (!needsFullCheck(line, triggerSet(byId.get(id)!.keywords))) missing.push(`${id}: ${line}`);
  }
  assert.deepEqual(missing, []);
});
