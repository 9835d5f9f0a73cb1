// Every analyser in the data packs is linear: 100 KB of hostile input must come back at once.
// The bound is generous (a correctness limit against hangs, not a benchmark).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseCode } from '../../../src/core/code/effects';
import { checkCommand } from '../../../src/core/guard/engine';
import { analyseGraphqlBody, looseDestructiveMutationFields } from '../../../src/core/http/graphql';
import { sqlHazardsInBody } from '../../../src/core/http/sql-body';
import { analyseSql } from '../../../src/core/sql/analyse';
import { analyseMongoScript } from '../../../src/core/sql/mongo';
import { analyseRedisCommands } from '../../../src/core/sql/redis';

const SIZE = 100 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const LIMIT_MS = 1000;

function quick(label: string, run: () => unknown): void {
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  assert.ok(ms < LIMIT_MS, `${label} took ${ms.toFixed(0)} ms`);
}

const inputs = [
  fill('('),
  fill(')'),
  fill('{'),
  fill('['),
  fill("'"),
  fill('"'),
  fill('$$'),
  fill('$a$'),
  fill('/*'),
  fill('--'),
  fill('\\'),
  fill('DELETE '),
  fill('BEGIN DELETE '),
  fill('WITH ( ) DELETE '),
  fill('ALTER DROP '),
  fill('a.'),
  fill('a('),
  fill('f(f('),
  fill('mutation { a'),
  fill('aaaaaaaa'),
  fill('x = '),
  fill('`'),
  fill('%x('),
  fill('qx{'),
  fill('#{'),
  fill('${'),
  fill('redis.call('),
  fill('{"query":'),
  fill('[{"query":"mutation {'),
  fill('query=mutation+%7B+'),
  fill('--[['),
  fill('[['),
  fill('exec("'),
  fill('for x in ['),
  fill('DROP TABLE x;'),
  fill('query=DROP+TABLE+x&'),
];

test('SQL, Mongo, Redis, GraphQL and code analysers stay fast on 100 KB hostile inputs', () => {
  for (const [i, input] of inputs.entries()) {
    for (const dialect of ['postgres', 'mysql', 'sqlite'] as const) quick(`sql ${dialect} #${i}`, () => analyseSql(input, dialect));
    quick(`mongo #${i}`, () => analyseMongoScript(input));
    quick(`redis #${i}`, () => analyseRedisCommands(input));
    quick(`graphql #${i}`, () => analyseGraphqlBody(input));
    quick(`loose graphql #${i}`, () => looseDestructiveMutationFields(input));
    quick(`sql body #${i}`, () => sqlHazardsInBody(input));
    for (const language of ['python', 'javascript', 'ruby', 'perl', 'php', 'lua', 'r'] as const)
      quick(`code ${language} #${i}`, () => analyseCode(input, language));
  }
});

test('whole checks of 100 KB bodies and programs answer, and answer ask or allow without crashing', async () => {
  const body = `{"query":"mutation { ${'a'.repeat(SIZE)} }"}`;
  const lines = [
    `curl -X POST https://backboard.railway.app/graphql/v2 -d '${body}'`,
    `psql -c "${'DELETE '.repeat(SIZE / 7)}"`,
    `python3 -c "${'f('.repeat(SIZE / 2)}"`,
    `node -e "${'['.repeat(SIZE)}"`,
  ];
  for (const line of lines) {
    const start = performance.now();
    const result = await checkCommand(line, { cwd: '/home/dev/project' });
    assert.ok(performance.now() - start < 5 * LIMIT_MS, `${line.slice(0, 40)} answered in time`);
    assert.ok(['allow', 'ask', 'deny'].includes(result.decision));
  }
});
