// The Protection view calls a hook "verified" only while Airlock's entries are exactly as it wrote
// them: its self-test sends one harmless command through the entry and passes just as well through
// a weakened one. Every agent's file, and three ways of weakening an entry that still runs Airlock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hookCommand } from '../../../src/core/protection/hook-config';
import { isAirlockCommand } from '../../../src/core/protection/hook-file-formats';
import { type HookTarget, userTargets, workspaceTargets } from '../../../src/extension/protection/hook-targets';

const LAUNCHER = '/home/dev/.local/share/airlock/bin/airlock';

type Json = Record<string, unknown>;

function targets(): HookTarget[] {
  return [...workspaceTargets('/ws'), ...userTargets('/home/dev')];
}

function jsonOf(text: string): Json | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** Airlock's entries in a parsed hook file: objects whose command (or nested hooks' commands) run Airlock. */
function airlockEntries(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isOurs(item)) out.push(item as Json);
      else airlockEntries(item, out);
    }
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) airlockEntries(v, out);
  }
  return out;
}

function commandHolders(entry: Json): Json[] {
  const nested = Array.isArray(entry.hooks) ? (entry.hooks as Json[]).flatMap(commandHolders) : [];
  const action = entry.action && typeof entry.action === 'object' ? commandHolders(entry.action as Json) : [];
  return [...(typeof entry.command === 'string' || typeof entry.bash === 'string' ? [entry] : []), ...action, ...nested];
}

function isOurs(item: unknown): boolean {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
  const holders = commandHolders(item as Json);
  return holders.length > 0 && holders.every((h) => isAirlockCommand(h.command ?? h.bash));
}

/** Edits every Airlock entry in a copy of the file with `weaken`; the result still runs Airlock. */
function weakened(text: string, weaken: (entry: Json) => void): string {
  const root = jsonOf(text)!;
  for (const entry of airlockEntries(root)) weaken(entry);
  return JSON.stringify(root, null, 2);
}

const WAYS_AROUND: Array<[string, (entry: Json) => void]> = [
  [
    'a setting of the entry dropped (failClosed, timeout, type)',
    (entry) => {
      const key = Object.keys(entry).find((k) => !['command', 'hooks', 'bash', 'action'].includes(k));
      if (key) delete entry[key];
      else for (const h of commandHolders(entry)) delete h[Object.keys(h).find((k) => k !== 'command' && k !== 'bash') ?? 'none'];
    },
  ],
  [
    'the command given a longer timeout (still an Airlock command)',
    (entry) => {
      for (const h of commandHolders(entry)) {
        if (typeof h.command === 'string') h.command = `${h.command}0`;
        if (typeof h.bash === 'string') h.bash = `${h.bash}0`;
      }
    },
  ],
  [
    'a matcher narrowed or added',
    (entry) => {
      entry.matcher = 'Write';
    },
  ],
];

test('an entry exactly as Airlock writes it is as written, in a fresh file and beside other hooks', () => {
  let json = 0;
  for (const target of targets()) {
    const command = hookCommand(LAUNCHER, target.agent);
    const fresh = target.format.add(undefined, command);
    assert.equal(target.format.asWritten(fresh, command), true, `${target.label}: fresh`);
    assert.equal(target.format.asWritten(undefined, command), false, `${target.label}: no file`);
    assert.equal(target.format.asWritten(fresh, hookCommand('/opt/other/airlock', target.agent)), false, `${target.label}: another launcher`);
    const root = jsonOf(fresh);
    if (!root) continue;
    json++;
    const withOthers = target.format.add(`${JSON.stringify({ ...root, theirs: { keep: true } }, null, 2)}\n`, command);
    assert.equal(target.format.asWritten(withOthers, command), true, `${target.label}: beside another key`);
    assert.equal(target.format.asWritten('{ not json', command), false, `${target.label}: not JSON`);
    // One blocking entry gone (the event it guards runs unasked), the others still there.
    const hooks = root.hooks as Record<string, unknown[]> | unknown[];
    const lists = Array.isArray(hooks) ? [hooks] : Object.values(hooks).filter(Array.isArray);
    const list = lists.find((l) => l.some(isOurs))!;
    list.splice(list.findIndex(isOurs), 1);
    assert.equal(target.format.asWritten(JSON.stringify(root, null, 2), command), false, `${target.label}: one entry removed`);
  }
  assert.ok(json >= 5, 'the JSON hook files are covered');
});

for (const [how, weaken] of WAYS_AROUND) {
  test(`an entry weakened (${how}) still counts as installed, but is not as written`, () => {
    for (const target of targets()) {
      const command = hookCommand(LAUNCHER, target.agent);
      const fresh = target.format.add(undefined, command);
      if (!jsonOf(fresh)) continue;
      const changed = weakened(fresh, weaken);
      assert.notEqual(changed, JSON.stringify(jsonOf(fresh), null, 2), `${target.label}: the weakening changed something`);
      assert.equal(target.format.has(changed), true, `${target.label}: still Airlock's entry to has()`);
      assert.equal(target.format.asWritten(changed, command), false, `${target.label}: ${how}`);
    }
  });
}

test('a whole file Airlock writes (a plugin, an executable) is as written only byte for byte', () => {
  let whole = 0;
  for (const target of targets()) {
    const command = hookCommand(LAUNCHER, target.agent);
    const fresh = target.format.add(undefined, command);
    if (jsonOf(fresh)) continue;
    whole++;
    assert.equal(target.format.asWritten(fresh.replace(/\n$/, '\n// edited\n'), command), false, target.label);
  }
  assert.ok(whole >= 1, 'some agent has a whole-file hook');
});

test('observe-only entries may be missing (a file from before those events), but not altered', () => {
  const observeOnly: Record<string, string[]> = { cursor: ['afterFileEdit', 'afterTabFileEdit'], windsurf: ['post_write_code'] };
  for (const target of workspaceTargets('/ws').filter((t) => observeOnly[t.agent])) {
    const command = hookCommand(LAUNCHER, target.agent);
    const root = jsonOf(target.format.add(undefined, command))!;
    const hooks = root.hooks as Record<string, Json[]>;
    for (const event of observeOnly[target.agent]!) assert.ok(hooks[event], `${target.label} installs ${event}`);
    const older = structuredClone(root);
    for (const event of observeOnly[target.agent]!) delete (older.hooks as Json)[event];
    assert.equal(target.format.asWritten(JSON.stringify(older, null, 2), command), true, `${target.label}: without its observe-only entries`);
    const altered = structuredClone(root);
    const first = (altered.hooks as Record<string, Json[]>)[observeOnly[target.agent]![0]!]![0]!;
    first.command = `${String(first.command)}0`;
    assert.equal(target.format.asWritten(JSON.stringify(altered, null, 2), command), false, `${target.label}: an observe-only entry altered`);
  }
});
