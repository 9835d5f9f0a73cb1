import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

/**
 * The Command Palette a new user meets: every Airlock command in Title Case with the Airlock
 * category, situational ones only when they apply, view-only ones hidden on purpose.
 */
const repo = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string; title: string; category?: string }>; menus: { commandPalette: Array<{ command: string; when?: string }> } };
};
const commands = pkg.contributes.commands;
const palette = new Map(pkg.contributes.menus.commandPalette.map((e) => [e.command, e.when]));

/** Reached from their view (title bar, "..." menu, items) or as quick fixes: not palette material. */
const HIDDEN = [
  'airlock.activity.refresh',
  'airlock.activity.filterText',
  'airlock.activity.agentOnly.on',
  'airlock.activity.agentOnly.off',
  'airlock.activity.blockedOnly.on',
  'airlock.activity.blockedOnly.off',
  'airlock.activity.productionOnly.on',
  'airlock.activity.productionOnly.off',
  'airlock.activity.showDetails',
  'airlock.activity.copyCommand',
  'airlock.activity.revealCwd',
  'airlock.activity.trustRule',
  'airlock.activity.showMore',
  'airlock.tokens.blockAgentReads',
  'airlock.tokens.ignoreFinding',
  'airlock.tokens.copyRotationChecklist',
];
/** Useful in any window, workspace or not: listed with no condition. */
const ALWAYS = ['airlock.walkthrough.open', 'airlock.walkthrough.sampleConfirmation', 'airlock.showProtectionStatus', 'airlock.export.status'];

/** Articles, coordinating conjunctions and short prepositions: lower case inside a title (VS Code's UX guidelines). */
const MINOR = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'to', 'with', 'from', 'into']);

export function titleCaseProblems(title: string): string[] {
  const words = title
    .split(/\s+/)
    .map((w) => w.replace(/^[("'“]+|[)"'”…,.:!?]+$/g, ''))
    .filter(Boolean);
  const problems: string[] = [];
  words.forEach((w, i) => {
    const edge = i === 0 || i === words.length - 1;
    if (/^[a-z]/.test(w) && (edge || !MINOR.has(w))) problems.push(`"${w}" should be capitalized`);
    if (!edge && /^[A-Z][a-z]*$/.test(w) && MINOR.has(w.toLowerCase()) && !['On', 'Off', 'Up', 'In', 'Out'].includes(w))
      problems.push(`"${w}" should be lower case`);
  });
  return problems;
}

test('the title-case check itself tells good titles from bad ones', () => {
  for (const good of [
    'Protect This Workspace',
    'Turn On the Terminal Gate',
    'Show a Sample Confirmation',
    'Show Only Production (and Unknown) Environment',
    'Export Activity Log…',
  ])
    assert.deepEqual(titleCaseProblems(good), [], good);
  for (const bad of ['Protect this workspace', 'Turn on the terminal gate', 'Show A Sample Confirmation', 'get Started', 'Scan Workspace For Exposed Tokens'])
    assert.notDeepEqual(titleCaseProblems(bad), [], bad);
});

test('every contributed command has a Title Case title and the Airlock category', () => {
  for (const c of commands) {
    assert.equal(c.category, 'Airlock', `${c.command} category`);
    assert.deepEqual(titleCaseProblems(c.title), [], `${c.command}: "${c.title}"`);
  }
});

test('every command is in the palette with a when clause, hidden on purpose, or useful everywhere', () => {
  const ids = new Set(commands.map((c) => c.command));
  for (const id of [...HIDDEN, ...ALWAYS]) assert.ok(ids.has(id), `${id} is listed here but not contributed`);
  for (const { command } of commands) {
    const when = palette.get(command);
    if (HIDDEN.includes(command)) assert.equal(when, 'false', `${command} should be hidden from the palette`);
    else if (ALWAYS.includes(command)) assert.equal(palette.has(command), false, `${command} is listed as always useful`);
    else {
      assert.ok(when && when.trim() !== '' && when !== 'true', `${command} needs a when clause in menus.commandPalette (or a place in HIDDEN/ALWAYS)`);
      assert.notEqual(when, 'false', `${command} is hidden but not listed in HIDDEN`);
    }
  }
});

test('the situational commands appear only when they apply', () => {
  assert.equal(palette.get('airlock.enableTerminalGate'), 'airlock.terminalGate.off');
  assert.equal(palette.get('airlock.activity.clearFilters'), 'airlock.activity.filtered');
  assert.equal(palette.get('airlock.tokens.cancelScan'), 'airlock.tokens.scanning');
  assert.equal(palette.get('airlock.removeProtection'), 'airlock.protection.installed');
  assert.match(palette.get('airlock.scanWorkspace') ?? '', /!airlock\.tokens\.scanning/);
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('every airlock.* context key a when clause reads is set by the extension', () => {
  const setters = sources(join(repo, 'src/extension'))
    .map((p) => readFileSync(p, 'utf8'))
    .filter((t) => t.includes('setContext'));
  const keys = new Set<string>();
  const menus = pkg.contributes.menus as Record<string, Array<{ when?: string }>>;
  for (const entries of Object.values(menus))
    for (const e of entries) for (const k of e.when?.replace(/\bview\s*==\s*[\w.]+/g, '').match(/\bairlock\.[\w.]+/g) ?? []) keys.add(k);
  assert.ok(keys.size >= 5);
  for (const key of keys)
    assert.ok(
      setters.some((t) => t.includes(`'${key}'`)),
      `${key} is read in a when clause but never set`,
    );
});
