import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { AGENTS } from '../../../src/core/protection/agents';
import { hookCommand } from '../../../src/core/protection/hook-config';
import { ensureDist } from '../dist';

const root = resolve(__dirname, '../../..');
const launcher = join(root, 'dist/launcher/airlock');

before(() => {
  ensureDist();
});

type Guard = (ctx: { directory: string }) => Promise<{ 'tool.execute.before': (input: unknown, output: unknown) => Promise<void> }>;

/** The plugin Airlock writes, loaded as opencode loads it (an ES module), its hook called as opencode calls it. */
async function plugin(dir: string, command: string): Promise<Awaited<ReturnType<Guard>>['tool.execute.before']> {
  const file = join(dir, 'airlock.mjs');
  writeFileSync(file, AGENTS.opencode.files.workspace(dir)[0]!.format.add(undefined, command));
  const mod = (await import(pathToFileURL(file).href)) as { AirlockGuard: Guard };
  return (await mod.AirlockGuard({ directory: dir }))['tool.execute.before'];
}

test("opencode's plugin lets benign calls run and throws (blocks) on what Airlock denies", { skip: process.platform === 'win32' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-opencode-'));
  const saved = { ...process.env };
  Object.assign(process.env, { AIRLOCK_RUNTIME_DIR: join(dir, 'run'), AIRLOCK_STATE_DIR: join(dir, 'state') });
  try {
    const before = await plugin(dir, hookCommand(launcher, 'opencode'));
    await before({ tool: 'bash', sessionID: 's', callID: 'c1' }, { args: { command: 'git status', description: 'x' } });
    await assert.rejects(
      before({ tool: 'bash', sessionID: 's', callID: 'c2' }, { args: { command: 'rm -rf /', description: 'x' } }),
      /Airlock blocked this outright/,
    );
    // No editor: a destructive command is blocked with the reason, not let through.
    await assert.rejects(before({ tool: 'bash', sessionID: 's', callID: 'c3' }, { args: { command: 'terraform destroy -auto-approve' } }), /Airlock/);
    await assert.rejects(
      before({ tool: 'edit', sessionID: 's', callID: 'c4' }, { args: { filePath: join(dir, '.claude/settings.json'), oldString: 'a', newString: 'b' } }),
      /Airlock/,
    );
  } finally {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fail closed: a launcher that is missing or answers nonsense blocks every call', { skip: process.platform === 'win32' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-opencode-'));
  try {
    const missing = await plugin(join(dir), '/nonexistent/airlock hook opencode');
    await assert.rejects(missing({ tool: 'bash' }, { args: { command: 'git status' } }), /Airlock|not found/);
    const nonsense = join(dir, 'sub');
    require('node:fs').mkdirSync(nonsense);
    const odd = await plugin(nonsense, 'echo hello');
    await assert.rejects(odd({ tool: 'bash' }, { args: { command: 'git status' } }), /Airlock gave no answer|hello|Blocked/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
