// Interpreter code that reaches for something by a name or body Airlock cannot resolve.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseCode } from '../../../src/core/code/effects';

const reaches = (code: string, language: Parameters<typeof analyseCode>[1]) => analyseCode(code, language).dynamic;

test('computed names and dangerous indirect reaches are found, in each language', () => {
  const cases: Array<[string, Parameters<typeof analyseCode>[1]]> = [
    ["__import__('os').system('x')", 'python'],
    ["getattr(shutil, 'rm' + 'tree')('/x')", 'python'],
    ['getattr(os, name)(x)', 'python'],
    ["importlib.import_module('o' + 's')", 'python'],
    ['exec(open(f).read())', 'python'],
    ["globals()['__builtins__']", 'python'],
    ["globalThis['req' + 'uire']('fs')", 'javascript'],
    ['require(name)', 'javascript'],
    ["process.mainModule.require('fs')", 'javascript'],
    ["eval(Buffer.from(s, 'base64').toString())", 'javascript'],
    ['new Function(code)()', 'javascript'],
    ['import(url)', 'javascript'],
    ["Kernel.send(:system, 'x')", 'ruby'],
    ["Object.const_get('Kernel')", 'ruby'],
    ['eval "$code"', 'perl'],
    ['call_user_func($f, "x");', 'php'],
  ];
  for (const [code, language] of cases) assert.ok(reaches(code, language).length > 0, `${language}: ${code}`);
});

test('requests whose body is read from a file or decoded are found; reading alone is not', () => {
  assert.ok(reaches("requests.post('https://api.x.io/g', data=open('b.json').read())", 'python').some((d) => /read from a file/.test(d.what)));
  assert.ok(reaches("fetch('https://api.x.io', { method: 'POST', body: atob(s) })", 'javascript').some((d) => /decoded/.test(d.what)));
  assert.deepEqual(reaches("print(open('README.md').read())", 'python'), []);
  assert.deepEqual(reaches("requests.post('http://localhost:8000/x', data=open('b').read())", 'python'), []);
});

test('literal, harmless reaches pass', () => {
  for (const [code, language] of [
    ["__import__('json').dumps(1)", 'python'],
    ["getattr(obj, 'name')", 'python'],
    ["require('fs').readFileSync('a')", 'javascript'],
    ['[1].send(:sum)', 'ruby'],
    ['eval("1 + 1")', 'python'],
  ] as const) {
    assert.deepEqual(reaches(code, language), [], `${language}: ${code}`);
  }
});

test('computed reaches are marked so script files (bundles, loaders) can be judged more leniently', () => {
  assert.equal(reaches('require(name)', 'javascript')[0]?.computed, true);
  assert.equal(reaches("getattr(shutil, 'rm' + 'tree')", 'python')[0]?.computed, false);
});
