import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'jsonc-parser';
import { AGENT_IDS } from '../../../src/core/protection/agents';
import { hookCommand } from '../../../src/core/protection/hook-config';
import { type InstallMemory, type InstallRecord, installHooks, isInstalled, pointsAt, removeHooks } from '../../../src/extension/protection/hook-installer';
import { type HookTarget, userTargets, workspaceTargets } from '../../../src/extension/protection/hook-targets';

function memory(): InstallMemory & { store: Map<string, InstallRecord> } {
  const store = new Map<string, InstallRecord>();
  return {
    store,
    get: (p) => store.get(p),
    set: (p, v) => {
      if (v) store.set(p, v);
      else store.delete(p);
    },
  };
}

const LAUNCHER = '/home/dev/.local/share/airlock/bin/airlock';

function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of require('node:fs').readdirSync(d) as string[]) {
      const p = join(d, name);
      out.push(p.slice(dir.length));
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

function targets(base: string): HookTarget[] {
  return [...workspaceTargets(join(base, 'ws')), ...userTargets(join(base, 'home'))];
}

test('every agent, workspace and user: protect then remove leaves no file and no folder Airlock created', async () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-agents-'));
  try {
    mkdirSync(join(base, 'ws', '.github'), { recursive: true });
    mkdirSync(join(base, 'home'), { recursive: true });
    const before = tree(base);
    const mem = memory();
    const all = targets(base);
    assert.deepEqual([...new Set(all.map((t) => t.agent))].sort(), [...AGENT_IDS].sort(), 'every agent has a hook file');
    for (const t of all) {
      assert.equal(await installHooks(t, LAUNCHER, mem), 'added', t.label);
      assert.ok(isInstalled(t) && pointsAt(t, LAUNCHER), t.label);
      assert.equal(await installHooks(t, LAUNCHER, mem), 'unchanged', `${t.label}: adding twice changes nothing`);
    }
    for (const t of all) assert.equal(await removeHooks(t, mem), 'removed', t.label);
    assert.deepEqual(tree(base), before, 'no .cursor, .claude, .github/hooks, .codex ... left behind, and .github (already there) kept');
    assert.equal(mem.store.size, 0);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

/** What a person might already have in each agent's file: comments, other hooks, odd formatting. */
const EXISTING: Partial<Record<string, string>> = {
  codex:
    '{\n  // my hooks\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "./audit.sh" }] }\n    ],\n    "Stop": [{ "hooks": [{ "type": "command", "command": "say done" }] }]\n  }\n}\n',
  gemini:
    '{\n\t"theme": "GitHub",\n\t"hooks": {\n\t\t"AfterTool": [ { "matcher": "write_file", "hooks": [ { "type": "command", "command": "npx prettier" } ] } ]\n\t},\n\t"tools": { "enableHooks": true },\n}\n',
  copilot: '{\n  "version": 1,\n  "hooks": {\n    "sessionStart": [{ "type": "command", "bash": "echo hi" }]\n  }\n}\n',
  windsurf: '{\n    "hooks": {\n        "post_write_code": [{ "command": "npm run lint", "show_output": true }]\n    }\n}\n',
  kiro: '{\n  "version": "v1",\n  "hooks": [\n    { "name": "lint-on-save", "trigger": "PostFileSave", "matcher": "\\\\.ts$", "action": { "type": "command", "command": "npm run lint" } }\n  ]\n}\n',
  claude: '{\n  "permissions": { "deny": ["Read(./.env)"] }, // keep\n}\n',
  cursor: '{\n  "version": 1,\n  "hooks": { "stop": [{ "command": "./notify.sh" }] }\n}\n',
  vscode: '{ "hooks": { "PostToolUse": [{ "type": "command", "command": "./fmt.sh" }] } }\n',
};

test('existing hook files of every JSON agent: merged beside what is there, then restored byte for byte', async () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-agents-'));
  try {
    const mem = memory();
    for (const t of workspaceTargets(join(base, 'ws')).filter((x) => EXISTING[x.agent] !== undefined)) {
      const original = EXISTING[t.agent]!;
      mkdirSync(dirname(t.path), { recursive: true });
      writeFileSync(t.path, original);
      await installHooks(t, LAUNCHER, mem);
      const merged = readFileSync(t.path, 'utf8');
      const value = parse(merged, [], { allowTrailingComma: true });
      assert.ok(merged.includes(JSON.stringify(hookCommand(LAUNCHER, t.agent)).slice(1, -1)), t.label);
      assert.ok(JSON.stringify(value).includes('./audit.sh') || t.agent !== 'codex', 'their own hook stays');
      if (t.agent === 'gemini') assert.equal(value.hooks.BeforeTool[0].hooks[0].timeout, 300_000, 'Gemini counts milliseconds');
      if (t.agent === 'copilot') assert.deepEqual(Object.keys(value.hooks.preToolUse[0]), ['type', 'bash', 'powershell', 'timeoutSec']);
      if (t.agent === 'kiro') assert.equal(value.hooks.length, 2);
      // The engine restores from memory; the format alone must also take out exactly Airlock's entry.
      assert.equal(t.format.remove(merged), original, `${t.label}: the format's own removal is exact`);
      await removeHooks(t, mem);
      assert.equal(readFileSync(t.path, 'utf8'), original, `${t.label}: original bytes back`);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('a file someone edits after Protect keeps their edit when protection is removed', async () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-agents-'));
  try {
    const mem = memory();
    const [windsurf] = workspaceTargets(join(base, 'ws')).filter((t) => t.agent === 'windsurf');
    assert.ok(windsurf);
    await installHooks(windsurf, LAUNCHER, mem);
    const edited = readFileSync(windsurf.path, 'utf8').replace('"hooks": {', '"hooks": {\n    "post_cascade_response": [{ "command": "./log.sh" }],');
    writeFileSync(windsurf.path, edited);
    await removeHooks(windsurf, mem);
    assert.deepEqual(JSON.parse(readFileSync(windsurf.path, 'utf8')).hooks, { post_cascade_response: [{ command: './log.sh' }] });
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test("Cline's hook is an executable script; a PreToolUse hook that is not Airlock's is never replaced", async () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-agents-'));
  try {
    const mem = memory();
    const [cline] = workspaceTargets(join(base, 'ws')).filter((t) => t.agent === 'cline');
    assert.ok(cline);
    await installHooks(cline, LAUNCHER, mem);
    assert.equal(statSync(cline.path).mode & 0o111, 0o111, 'executable');
    assert.match(readFileSync(cline.path, 'utf8'), /^#!\/bin\/sh\n[\s\S]*exec \/home\/dev\/\.local\/share\/airlock\/bin\/airlock hook cline --timeout 30\n$/);
    await removeHooks(cline, mem);
    assert.ok(!existsSync(join(base, 'ws', '.clinerules')));
    mkdirSync(dirname(cline.path), { recursive: true });
    writeFileSync(cline.path, '#!/bin/sh\necho their hook\n');
    await assert.rejects(installHooks(cline, LAUNCHER, mem), /not Airlock's/);
    assert.equal(readFileSync(cline.path, 'utf8'), '#!/bin/sh\necho their hook\n');
    const [opencode] = workspaceTargets(join(base, 'ws')).filter((t) => t.agent === 'opencode');
    assert.ok(opencode);
    mkdirSync(dirname(opencode.path), { recursive: true });
    writeFileSync(opencode.path, 'export const Mine = async () => ({})\n');
    await assert.rejects(installHooks(opencode, LAUNCHER, mem), /not Airlock's/);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('a launcher path with spaces and quotes is quoted in every format and still recognised as ours', async () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-agents-'));
  try {
    const mem = memory();
    const odd = '/Users/A "B"/Library/Application Support/airlock/bin/airlock';
    for (const t of workspaceTargets(join(base, 'ws'))) {
      await installHooks(t, odd, mem);
      assert.ok(isInstalled(t) && pointsAt(t, odd), t.label);
      assert.ok(!pointsAt(t, LAUNCHER));
      // Moving the launcher refreshes the entry in place.
      await installHooks(t, LAUNCHER, mem);
      assert.ok(pointsAt(t, LAUNCHER) && !pointsAt(t, odd), `${t.label}: refreshed, not duplicated`);
      await removeHooks(t, mem);
      assert.ok(!existsSync(t.path));
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
