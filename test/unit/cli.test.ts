import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CliIO } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';

export function captureIO(stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    readStdin: async () => stdin,
    env: {},
    cwd: process.cwd(),
  };
  return io;
}

test('--version prints the package version', async () => {
  const io = captureIO();
  assert.equal(await runCli(['--version'], io), 0);
  assert.equal(io.out.trim(), require('../../package.json').version);
});

test('--help lists usage and exits 0', async () => {
  const io = captureIO();
  assert.equal(await runCli(['--help'], io), 0);
  assert.match(io.out, /Usage: airlock <command>/);
});

test('no command is a usage error: help on stderr, exit 2', async () => {
  const io = captureIO();
  assert.equal(await runCli([], io), 2);
  assert.match(io.err, /Usage: airlock/);
});

test('an unknown command is a usage error with a clear message', async () => {
  const io = captureIO();
  assert.equal(await runCli(['frobnicate'], io), 2);
  assert.match(io.err, /unknown command 'frobnicate'/);
});
