import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ActivityLog } from '../../../src/core/log/activity-log';
import { completeEvent } from '../../../src/core/log/event-factory';
import { withCrc32Base62Checksum } from '../../../src/core/tokens/checksum';
import type { ActivityApi } from '../../../src/extension/activity/activity-api';
import type { TreeSnapshotNode } from '../../../src/extension/activity/activity-tree';
import { airlockApi, waitFor } from '../support/airlock';

async function activity(): Promise<ActivityApi> {
  const api = await airlockApi();
  assert.ok(api.activity, `api.activity missing; active features: ${api.activeFeatures.join(', ')}`);
  return api.activity;
}

function flatten(nodes: TreeSnapshotNode[], depth = 0): Array<TreeSnapshotNode & { depth: number }> {
  return nodes.flatMap((n) => [{ ...n, depth }, ...flatten(n.children ?? [], depth + 1)]);
}

describe('Activity sidebar and log', () => {
  const root = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const session = `sess-${Date.now().toString(36)}`;
  const token = withCrc32Base62Checksum('ghp_', 'Ab3dEf6hIj9lMn2pQr5tUv8xFAKE01');
  const ids: Record<string, string> = {};

  before(async () => {
    const a = await activity();
    // A scripted agent session, recorded the way the gates and the token scanner record.
    ids.allowed = (await a.record({ kind: 'decision', actor: 'claude', session, command: 'npm test', cwd: root(), decision: 'allow', decidedBy: 'rules' })).id;
    ids.blocked = (
      await a.record({
        kind: 'confirmation',
        actor: 'claude',
        session,
        command: 'railway volume delete vol-prod-1 --yes',
        cwd: root(),
        decision: 'deny',
        decidedBy: 'person',
        environment: 'production',
        rule: 'railway.volume-delete',
        reason: 'Deletes the volume and the backups inside it',
        evidence: ['from .railway/config.json: environment "production"'],
      })
    ).id;
    ids.confirmedAllow = (
      await a.record({
        kind: 'confirmation',
        actor: 'claude',
        session,
        command: 'git push --force origin feature',
        cwd: root(),
        decision: 'allow',
        decidedBy: 'person',
        environment: 'development',
      })
    ).id;
    ids.secretRead = (
      await a.record({
        kind: 'file-read',
        actor: 'claude',
        session,
        file: join(root(), '.env'),
        decision: 'deny',
        decidedBy: 'rules',
        reason: 'holds a secret',
      })
    ).id;
    ids.token = (
      await a.record({
        kind: 'token',
        actor: 'unknown',
        file: join(root(), 'config/deploy.sh'),
        rule: 'github-classic-pat',
        severity: 'critical',
        reason: `GitHub token ${token} readable by agents`,
      })
    ).id;
    ids.terminal = (await a.record({ kind: 'command', actor: 'terminal', command: 'ls -la', cwd: root(), exitCode: 0, durationMs: 42 })).id;
  });

  it('activates first and exposes api.activity', async () => {
    const api = await airlockApi();
    assert.equal(api.activeFeatures[0], 'activity');
    assert.equal(typeof api.activity?.record, 'function');
  });

  it('shows the session grouped under today, newest first, with decisions, icons and descriptions', async () => {
    const a = await activity();
    const tree = (await waitFor(() => {
      const snapshot = a.treeSnapshot();
      return flatten(snapshot).some((n) => n.id === `event:${ids.terminal}`) ? snapshot : undefined;
    }, 'the recorded events to reach the tree'))!;
    assert.equal(tree[0]!.label, 'Today');
    const sessionNode = tree[0]!.children!.find((n) => n.label.startsWith('Claude Code session'));
    assert.ok(sessionNode, `no Claude Code session among ${tree[0]!.children!.map((n) => n.label).join(', ')}`);
    assert.match(sessionNode.description ?? '', /4 actions · 2 blocked/);
    const events = sessionNode.children!;
    assert.deepEqual(
      events.map((e) => e.id),
      [ids.secretRead, ids.confirmedAllow, ids.blocked, ids.allowed].map((id) => `event:${id}`),
    );
    const blocked = events.find((e) => e.id === `event:${ids.blocked}`)!;
    assert.equal(blocked.label, 'railway volume delete vol-prod-1 --yes');
    assert.match(blocked.description!, /^blocked by person · PRODUCTION · railway: volume delete/);
    assert.equal(blocked.icon, 'lock');
    assert.equal(blocked.iconColor, 'testing.iconFailed');
    assert.match(blocked.tooltip!, /from \\\.railway\/config\\\.json/);
    assert.match(blocked.contextValue!, /\bcommand\b.*\bcwd\b.*\brule\b/);
    assert.equal(events.find((e) => e.id === `event:${ids.allowed}`)!.icon, 'pass');
    assert.equal(events.find((e) => e.id === `event:${ids.secretRead}`)!.label, 'Read .env');
    const tokenNode = flatten(tree).find((n) => n.id === `event:${ids.token}`)!;
    assert.equal(tokenNode.label, 'GitHub classic personal access token in config/deploy.sh');
    assert.equal(tokenNode.icon, 'key');
  });

  it('filters: blocked only, agent only, text; then clears', async () => {
    const a = await activity();
    const visibleIds = () =>
      flatten(a.treeSnapshot())
        .filter((n) => n.id?.startsWith('event:'))
        .map((n) => n.id!.slice(6));
    a.setFilters({ blockedOnly: true });
    assert.deepEqual(new Set(visibleIds()), new Set([ids.blocked, ids.secretRead]));
    a.setFilters({ blockedOnly: false, agentOnly: true });
    assert.ok(!visibleIds().includes(ids.terminal!) && !visibleIds().includes(ids.token!));
    a.setFilters({ agentOnly: false, text: 'vol-prod' });
    assert.deepEqual(visibleIds(), [ids.blocked]);
    a.setFilters({ text: '' });
    assert.ok(visibleIds().includes(ids.terminal!));
  });

  it('opens the details panel for an event, with a strict CSP and the evidence', async () => {
    const a = await activity();
    const shown = a.showDetails(ids.blocked!);
    assert.ok(shown);
    assert.match(shown.title, /railway volume delete/);
    assert.match(shown.html, /script-src 'nonce-[A-Za-z0-9+/=]+'/);
    assert.match(shown.html, /default-src 'none'/);
    assert.match(shown.html, /PRODUCTION/);
    assert.match(shown.html, /from \.railway\/config\.json: environment &quot;production&quot;/);
    await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => /^Airlock: railway volume/.test(t.label)), 'the details tab');
  });

  it('the command palette command opens details for the selected id too', async () => {
    await vscode.commands.executeCommand('airlock.activity.showDetails', ids.token);
    const a = await activity();
    assert.match(a.detailsHtml(), /github-classic-pat/);
  });

  it('never writes the planted token to the log file', async () => {
    const a = await activity();
    const dir = a.logDirs()[0];
    assert.ok(dir);
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    assert.match(text, /github-classic-pat/);
    assert.ok(!text.includes(token), 'the token reached the log');
    assert.ok(!text.includes(token.slice(6, 30)), 'part of the token reached the log');
  });

  it('verifies the chain and exports JSON, CSV and Markdown', async () => {
    const a = await activity();
    const [result] = await a.verify();
    assert.ok(result);
    assert.equal(result.report.ok, true, result.report.firstBreak?.message);
    assert.ok(result.report.lines >= 6);
    const out = mkdtempSync(join(tmpdir(), 'airlock-export-'));
    const count = await a.exportTo(join(out, 'a.json'), 'json');
    assert.equal(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')).events.length, count);
    await a.exportTo(join(out, 'a.csv'), 'csv');
    assert.match(readFileSync(join(out, 'a.csv'), 'utf8'), /railway volume delete vol-prod-1 --yes/);
    a.setFilters({ blockedOnly: true });
    assert.equal(await a.exportTo(join(out, 'a.md'), 'markdown', true), 2);
    a.setFilters({ blockedOnly: false });
    assert.match(readFileSync(join(out, 'a.md'), 'utf8'), /^# Airlock activity log/);
  });

  it('shows lines another process appended (an airlock hook with no editor reachable)', async () => {
    const a = await activity();
    const other = new ActivityLog(a.logDirs()[0]!);
    const event = completeEvent({
      kind: 'decision',
      actor: 'cursor',
      command: 'terraform destroy',
      decision: 'deny',
      decidedBy: 'no-editor',
      environment: 'unknown',
    });
    await other.append(event);
    await waitFor(() => flatten(a.treeSnapshot()).some((n) => n.id === `event:${event.id}`), "the other process's line to appear (file watcher)");
    assert.equal((await a.verify())[0]!.report.ok, true);
  });

  it('the status bar shield counts blocked actions today', async () => {
    const a = await activity();
    const text = (await waitFor(() => (/blocked today/.test(a.statusBarText()) ? a.statusBarText() : undefined), 'the shield to count'))!;
    assert.match(text, /^\$\(shield\) /);
    assert.match(text, /\d+ blocked today/);
  });

  it('a protection provider changes the shield; disposing it restores the previous one', async () => {
    const a = await activity();
    const changed = new vscode.EventEmitter<void>();
    let level: 'protected' | 'off' = 'protected';
    const before = a.statusBarText();
    const registration = a.setProtectionStatusProvider({ onDidChange: changed.event, getStatus: () => ({ level }) });
    assert.match(a.statusBarText(), /Protected/);
    level = 'off';
    changed.fire();
    assert.match(a.statusBarText(), /Off/);
    registration.dispose();
    // Compare the level only: the blocked count may catch up with earlier events meanwhile.
    assert.equal(a.statusBarText().split(' · ')[0], before.split(' · ')[0], "disposing a provider brings back the one before (the protection feature's)");
  });

  it('registers the palette commands and writes the log folder into the per-user index', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['airlock.activity.export', 'airlock.activity.verify', 'airlock.activity.filterText', 'airlock.activity.trustRule'])
      assert.ok(commands.has(id), id);
    const a = await activity();
    assert.ok(existsSync(a.logDirs()[0]!));
  });

  it('remembers the head outside the log: cutting the last line is caught (last: it damages the log)', async () => {
    const a = await activity();
    await a.record({ kind: 'command', actor: 'terminal', command: 'echo last', cwd: root(), exitCode: 0 });
    const file = join(a.logDirs()[0]!, 'activity.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`);
    const [result] = await a.verify();
    assert.ok(result);
    assert.equal(result.report.ok, false);
    assert.equal(result.report.firstBreak?.kind, 'truncated');
    assert.match(a.viewMessage() ?? '', /failed verification: the log ends at seq \d+, but Airlock wrote up to seq \d+/);
  });
});
