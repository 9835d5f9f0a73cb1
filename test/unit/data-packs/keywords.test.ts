// The fast path skips lines with none of a rule's keywords: every line that must trigger one of
// the data-pack rules (its own examples and the corpus cases naming it) has to reach the full check
// on that rule's keywords alone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { needsFullCheck, triggerSet } from '../../../src/core/guard/fastpath/prefilter';
import databases from '../../../src/core/guard/packs/databases/index';
import http from '../../../src/core/guard/packs/http/index';
import interpreters from '../../../src/core/guard/packs/interpreters/index';
import { exampleLine } from '../../../src/core/guard/rule';
import databasesCorpus from '../../corpus/databases';
import httpCorpus from '../../corpus/http';
import interpretersCorpus from '../../corpus/interpreters';

const packs = [databases, http, interpreters];
const corpus = [...databasesCorpus, ...httpCorpus, ...interpretersCorpus];

test('every positive example and corpus case of the data packs passes the fast path on its rule keywords', () => {
  const missed: string[] = [];
  let checked = 0;
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const triggers = triggerSet(rule.keywords);
      const lines = [...rule.examples.match.map(exampleLine), ...corpus.filter(([, , id]) => id === rule.id).map(([, line]) => line)];
      for (const line of lines) {
        checked++;
        if (!needsFullCheck(line, triggers)) missed.push(`${rule.id}: ${line}`);
      }
    }
  }
  assert.ok(checked > 250, `checked ${checked} lines`);
  assert.deepEqual(missed, []);
});
