import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeEvent, type NewActivityEvent } from '../../../src/core/log/event-factory';
import { exportEvents } from '../../../src/core/log/export';
import { detailsHtml } from '../../../src/extension/activity/details-html';
import { codeBlock, presentEvent } from '../../../src/extension/activity/event-presentation';

const e = (fields: NewActivityEvent) => completeEvent({ time: '2026-11-21T10:02:03.000Z', ...fields });

test('a blocked production command: red slash icon, outcome, environment and rule in the description', () => {
  const look = presentEvent(
    e({
      kind: 'decision',
      actor: 'claude',
      command: 'railway volume delete vol-1',
      decision: 'deny',
      environment: 'production',
      rule: 'railway.volume-delete',
    }),
  );
  assert.equal(look.label, 'railway volume delete vol-1');
  assert.match(look.description, /^blocked · PRODUCTION · railway: volume delete · /);
  assert.deepEqual(look.icon, { id: 'circle-slash', color: 'testing.iconFailed' });
  assert.match(look.contextValue, /\bcommand\b/);
  assert.match(look.contextValue, /\brule\b/);
  assert.doesNotMatch(look.contextValue, /\bcwd\b/);
  assert.match(look.contextValue, /\btrustable\b/);
});

test('only a guard rule that stopped something can be trusted, not a token type or an allowed command', () => {
  const token = presentEvent(e({ kind: 'token', actor: 'unknown', file: '/w/.env', rule: 'github-classic-pat', severity: 'critical' }));
  assert.doesNotMatch(token.contextValue, /\btrustable\b/);
  const allowed = presentEvent(e({ kind: 'confirmation', actor: 'claude', command: 'x', rule: 'git.push-force', decision: 'allow', decidedBy: 'person' }));
  assert.doesNotMatch(allowed.contextValue, /\btrustable\b/);
});

test('icons follow decision, confirmation source and severity', () => {
  const icon = (fields: NewActivityEvent) => presentEvent(e(fields)).icon;
  assert.equal(icon({ kind: 'decision', actor: 'cursor', command: 'ls', decision: 'allow' }).id, 'pass');
  assert.equal(icon({ kind: 'decision', actor: 'cursor', command: 'x', decision: 'ask' }).id, 'question');
  assert.equal(icon({ kind: 'confirmation', actor: 'cursor', command: 'x', decision: 'deny', decidedBy: 'timeout' }).id, 'watch');
  assert.equal(icon({ kind: 'confirmation', actor: 'cursor', command: 'x', decision: 'allow', decidedBy: 'person' }).id, 'unlock');
  assert.equal(icon({ kind: 'confirmation', actor: 'cursor', command: 'x', decision: 'deny', decidedBy: 'person' }).id, 'lock');
  assert.deepEqual(icon({ kind: 'command', actor: 'terminal', command: 'false', exitCode: 1 }), { id: 'terminal', color: 'testing.iconFailed' });
  assert.deepEqual(icon({ kind: 'token', actor: 'unknown', file: '.env', severity: 'critical' }), { id: 'key', color: 'testing.iconFailed' });
  assert.deepEqual(icon({ kind: 'token', actor: 'unknown', file: '.env', severity: 'low' }).id, 'key');
  assert.equal(icon({ kind: 'protection-gap', actor: 'terminal', command: 'rm -rf /' }).id, 'warning');
});

test('file paths inside the workspace are shown relative to it; tokens name their rule by its title', () => {
  const look = presentEvent(
    e({ kind: 'token', actor: 'unknown', file: '/work/demo/config/.env', rule: 'github-classic-pat', severity: 'critical' }),
    '/work/demo',
  );
  assert.equal(look.label, 'GitHub classic personal access token in config/.env');
  assert.doesNotMatch(look.description, /github-classic-pat/);
  const unknownRule = presentEvent(e({ kind: 'token', actor: 'unknown', file: '/work/demo/.env', rule: 'no-such-rule' }), '/work/demo');
  assert.equal(unknownRule.label, 'no such rule in .env');
  assert.match(look.description, /critical token/);
  const read = presentEvent(e({ kind: 'file-read', actor: 'claude', file: '/elsewhere/.env', decision: 'deny' }), '/work/demo');
  assert.equal(read.label, 'Read /elsewhere/.env');
});

test('tooltips carry the evidence, and markdown in commands cannot break out of the code block', () => {
  const look = presentEvent(
    e({
      kind: 'decision',
      actor: 'claude',
      command: 'echo ```\n[click](command:evil)',
      decision: 'deny',
      environment: 'unknown',
      evidence: ['from .terraform/environment'],
      reason: 'deletes the volume *and* backups',
    }),
  );
  assert.match(look.tooltip, /in \*\*UNKNOWN \\\(TREATED AS PRODUCTION\\\)\*\*/);
  assert.match(look.tooltip, /- from \\\.terraform\/environment/);
  assert.match(look.tooltip, /````sh\necho ```/);
  assert.match(look.tooltip, /\\\*and\\\*/);
  assert.equal(codeBlock('a ``` b'), '````\na ``` b\n````');
});

test('long labels are cut with an ellipsis', () => {
  const look = presentEvent(e({ kind: 'command', actor: 'terminal', command: 'x'.repeat(500) }));
  assert.equal(look.label.length, 120);
  assert.ok(look.label.endsWith('…'));
});

test('details page: strict CSP with a nonce, assets only from the given URIs, everything escaped', () => {
  const html = detailsHtml(
    e({
      kind: 'decision',
      actor: 'claude',
      command: 'rm -rf "<script>alert(1)</script>"',
      decision: 'deny',
      environment: 'production',
      details: { payload: '<img src=x onerror=alert(1)>' },
    }),
    {
      cspSource: 'vscode-resource:',
      nonce: 'N0NCE',
      styleUri: 'vscode-resource:/media/activity-details.css',
      scriptUri: 'vscode-resource:/media/activity-details.js',
      location: { seq: 7, logDir: '/logs/w' },
    },
  );
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src vscode-resource:; script-src 'nonce-N0NCE'/);
  assert.doesNotMatch(html, /<script>alert/);
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  const scripts = html.match(/<script[^>]*>/g) ?? [];
  assert.deepEqual(scripts, ['<script nonce="N0NCE" src="vscode-resource:/media/activity-details.js">']);
  assert.match(html, /class="environment production"[^>]*>PRODUCTION</);
  assert.match(html, /Line 7 of the hash-chained log/);
  assert.doesNotMatch(html, /style="/, 'no inline styles: the CSP forbids them');
});

test('exports: JSON keeps every field, CSV quotes and defuses formulas, Markdown escapes pipes', () => {
  const events = [
    e({ kind: 'decision', actor: 'claude', command: 'echo "a,b" | wc', decision: 'deny', evidence: ['one', 'two'] }),
    e({ kind: 'command', actor: 'terminal', command: '=HYPERLINK("http://x")', exitCode: 0 }),
  ];
  const json = JSON.parse(exportEvents(events, 'json', { workspace: '/w' }));
  assert.equal(json.count, 2);
  assert.deepEqual(json.events, events);
  const csv = exportEvents(events, 'csv').split('\r\n');
  assert.match(csv[0]!, /^Time,Kind,Actor,/);
  assert.match(csv[1]!, /,"echo ""a,b"" \| wc",/);
  assert.match(csv[1]!, /,one; two,/);
  assert.match(csv[2]!, /,"'=HYPERLINK\(""http:\/\/x""\)",/);
  const md = exportEvents(events, 'markdown', { workspace: '/w', verified: 'verified, unbroken' });
  assert.match(md, /^# Airlock activity log/);
  assert.match(md, /- Chain: verified, unbroken/);
  assert.match(md, /echo "a,b" \\\| wc/);
  assert.equal(
    md
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('| ')).length,
    4,
  );
});

test('an event whose line failed verification is marked, not hidden, in the tree and the details page', () => {
  const event = e({ kind: 'decision', actor: 'cursor', command: 'terraform destroy', decision: 'allow' });
  const look = presentEvent(event, undefined, 'line 2 of activity.jsonl was edited: its content no longer matches its hash');
  assert.equal(look.label, 'terraform destroy');
  assert.match(look.description, /^UNVERIFIED · allowed/);
  assert.deepEqual(look.icon, { id: 'warning', color: 'testing.iconFailed' });
  assert.match(look.tooltip, /^\*\*This line failed verification:\*\* line 2 of activity\\\.jsonl was edited/);
  assert.match(look.contextValue, /\bunverified\b/);
  const html = detailsHtml(event, { cspSource: 'x:', nonce: 'n', styleUri: 's', scriptUri: 'j', verificationProblem: 'line 2 was <edited>' });
  assert.match(html, /class="unverified" role="alert">This line failed verification: line 2 was &lt;edited&gt;/);
  assert.doesNotMatch(detailsHtml(event, { cspSource: 'x:', nonce: 'n', styleUri: 's', scriptUri: 'j' }), /class="unverified"/);
});

test('a decision row carries the exit code of the run that followed it', () => {
  const decision = e({ kind: 'confirmation', actor: 'terminal', command: 'railway volume delete vol-1', decision: 'allow', decidedBy: 'person' });
  const ran = e({ kind: 'command', actor: 'terminal', command: 'railway volume delete vol-1', exitCode: 1 });
  assert.match(presentEvent(decision, undefined, undefined, ran).description, /^allowed by person · exit 1 · /);
  assert.doesNotMatch(presentEvent(decision).description, /exit/);
});
