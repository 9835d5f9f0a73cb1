import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { withCrc32Base62Checksum } from '../../../src/core/tokens/checksum';
import type { ActivityApi } from '../../../src/extension/activity/activity-api';
import type { TokenTreeSnapshot } from '../../../src/extension/tokens/token-tree';
import type { TokensApi } from '../../../src/extension/tokens/tokens-feature';
import { airlockApi, waitFor } from '../support/airlock';

const root = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;
const uri = (rel: string) => vscode.Uri.file(join(root(), rel));

async function tokens(): Promise<TokensApi> {
  const api = await airlockApi();
  assert.ok(api.tokens, `api.tokens missing; active: ${api.activeFeatures.join(', ')}`);
  return api.tokens as TokensApi;
}

function flatten(nodes: TokenTreeSnapshot[]): TokenTreeSnapshot[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

describe('Exposed tokens in the editor', () => {
  // Synthetic, format-valid values: a checksum-valid GitHub token and a Railway account token.
  const github = withCrc32Base62Checksum('ghp_', 'FAKEq8Zr2LmX0vB7nT4kY9wE3sJ6aQ');
  const railway = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const secrets = [github, railway];

  before(async () => {
    mkdirSync(join(root(), 'ops'), { recursive: true });
    writeFileSync(join(root(), 'ops', 'deploy.sh'), `#!/bin/sh\nexport RAILWAY_API_TOKEN=${railway}\ngit push https://${github}@github.com/acme/app.git\n`);
    writeFileSync(join(root(), '.env.tokens-test'), `GITHUB_TOKEN=${github}\n`);
  });

  after(() => {
    for (const f of ['ops', '.env.tokens-test', 'later.yaml', '.airlockignore', '.cursorignore']) rmSync(join(root(), f), { recursive: true, force: true });
  });

  it('registers its commands and the Exposed Tokens view API', async () => {
    const t = await tokens();
    const commands = await vscode.commands.getCommands(true);
    for (const c of [
      'airlock.scanWorkspace',
      'airlock.tokens.blockAgentReads',
      'airlock.tokens.ignoreFinding',
      'airlock.tokens.copyRotationChecklist',
      'airlock.tokens.cancelScan',
    ]) {
      assert.ok(commands.includes(c), `${c} not registered`);
    }
    assert.equal(typeof t.findings, 'function');
  });

  it('a workspace scan finds the planted tokens with type, scope and exposure', async () => {
    const t = await tokens();
    const count = await vscode.commands.executeCommand<number>('airlock.scanWorkspace');
    assert.ok(count >= 3, `found ${count}`);
    const deploy = t.findings().filter((f) => f.file === 'ops/deploy.sh');
    assert.deepEqual(
      deploy.map((f) => [f.line, f.type]),
      [
        [2, 'railway-account-token'],
        [3, 'github-classic-pat'],
      ],
    );
    assert.equal(deploy[0]!.severity, 'critical');
    assert.match(deploy[0]!.scope, /volume/);
    assert.equal(deploy[0]!.agentReadable, true);
    const env = t.findings().find((f) => f.file === '.env.tokens-test')!;
    // No agent hook is installed in this test workspace: the read gate's globs stop nobody.
    assert.equal(env.agentReadable, true, 'no verified hook answers reads: .env* is readable');
    assert.deepEqual(env.blockedBy, []);
  });

  it('shows Problems with source Airlock, the type as code and severity from the blast radius', async () => {
    const diagnostics = (await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri('ops/deploy.sh')).filter((x) => x.source === 'Airlock');
      return d.length === 2 ? d : undefined;
    }, 'two diagnostics'))!;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['railway-account-token', 'github-classic-pat'],
    );
    assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0]!.range.start.line, 1);
    for (const d of diagnostics) for (const s of secrets) assert.ok(!d.message.includes(s), 'secret in a diagnostic');
  });

  it('hovers say what the token can do and what to do, without the secret', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('ops/deploy.sh'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 25));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /What it can do/);
    assert.match(text, /Railway account or team token/);
    for (const s of secrets) assert.ok(!text.includes(s), 'secret in a hover');
  });

  it('offers the three quick fixes on a finding', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('ops/deploy.sh'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(1, 30, 1, 31));
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.some((t) => /^Block agent reads of ops\/deploy\.sh/.test(t)),
      titles.join(' | '),
    );
    assert.ok(titles.some((t) => /^Ignore this .*\(\.airlockignore\)/.test(t)));
    assert.ok(titles.some((t) => /^Copy rotation checklist for Railway/.test(t)));
  });

  it('the tree groups by file with blast radius and agent readability; the status bar counts', async () => {
    const t = await tokens();
    const tree = (await waitFor(() => {
      const s = t.treeSnapshot();
      return s.some((n) => n.label === 'ops/deploy.sh') ? s : undefined;
    }, 'tree'))!;
    const file = tree.find((n) => n.label === 'ops/deploy.sh')!;
    assert.match(file.description!, /2 tokens · agents can read/);
    assert.equal(file.children!.length, 2);
    assert.match(file.children![0]!.description!, /line 2 · critical · agent-readable/);
    const all = JSON.stringify(flatten(tree));
    for (const s of secrets) assert.ok(!all.includes(s), 'secret in the tree');
    assert.match(t.statusBarText(), /\$\(key\) \d+/);
  });

  it('copies a rotation checklist for the provider', async () => {
    const t = await tokens();
    const finding = t.findings().find((f) => f.type === 'railway-account-token')!;
    await vscode.commands.executeCommand('airlock.tokens.copyRotationChecklist', finding);
    const clip = await vscode.env.clipboard.readText();
    assert.match(clip, /railway\.com\/account\/tokens/);
    assert.ok(!clip.includes(railway));
  });

  it('rescans a file created later, incrementally', async () => {
    const t = await tokens();
    writeFileSync(join(root(), 'later.yaml'), `stripe:\n  key: sk_live_${'FAKE'}q8Zr2LmX0vB7nT4kY9wE3sJ6aQ2cV5bN8m\n`);
    await waitFor(() => t.findings().some((f) => f.file === 'later.yaml' && f.type === 'stripe-secret-key'), 'finding in a new file', 15_000);
    writeFileSync(join(root(), 'later.yaml'), 'stripe:\n  key: ${STRIPE_SECRET_KEY}\n');
    await waitFor(() => !t.findings().some((f) => f.file === 'later.yaml'), 'finding gone after the edit', 15_000);
  });

  it('block agent reads writes .cursorignore and the read-gate setting; the finding turns blocked', async () => {
    const t = await tokens();
    const finding = t.findings().find((f) => f.file === 'ops/deploy.sh')!;
    await vscode.commands.executeCommand('airlock.tokens.blockAgentReads', finding);
    assert.match(readFileSync(join(root(), '.cursorignore'), 'utf8'), /^ops\/deploy\.sh$/m);
    const globs = vscode.workspace.getConfiguration('airlock').get<string[]>('gates.protectedFiles') ?? [];
    assert.ok(globs.includes('ops/deploy.sh'));
    await waitFor(
      () =>
        t
          .findings()
          .filter((f) => f.file === 'ops/deploy.sh')
          .every((f) => f.agentReadable === false),
      'blocked after rescan',
      15_000,
    );
  });

  it('ignore this finding writes its fingerprint to .airlockignore and the finding goes', async () => {
    const t = await tokens();
    const finding = t.findings().find((f) => f.type === 'github-classic-pat' && f.file === 'ops/deploy.sh')!;
    await vscode.commands.executeCommand('airlock.tokens.ignoreFinding', finding);
    assert.match(readFileSync(join(root(), '.airlockignore'), 'utf8'), new RegExp(`fingerprint:${finding.fingerprint}`));
    await waitFor(() => !t.findings().some((f) => f.fingerprint === finding.fingerprint && f.file === 'ops/deploy.sh'), 'accepted finding gone', 15_000);
  });

  it('records new findings in the activity log, redacted', async () => {
    const api = await airlockApi();
    const activity = api.activity as ActivityApi | undefined;
    assert.ok(activity, 'activity feature missing');
    const snapshot = (await waitFor(() => {
      const s = JSON.stringify(activity.treeSnapshot());
      return s.includes('Railway account or team token in') ? s : undefined;
    }, 'token event in the Activity view'))!;
    for (const s of secrets) assert.ok(!snapshot.includes(s), 'secret in the activity view');
  });
});
