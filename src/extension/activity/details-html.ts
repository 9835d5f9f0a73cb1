import type { ActivityEvent } from '../../core/events';
import { environmentLabel, eventOutcome, eventSubject } from '../../core/log/describe';
import { eventFields } from './event-presentation';

/**
 * The details panel's page for one event. No vscode import (unit-tested): the panel passes
 * the webview's CSP source and asset URIs. Every value is HTML-escaped; the only script is
 * the nonce'd media/activity-details.js, which posts button clicks back to the extension.
 */
export interface DetailsPage {
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
  /** Where the line sits in the log: shown so a reader can find it with `airlock log`. */
  location?: { seq: number; logDir: string };
  /** Why this line failed the last verification, if it did. */
  verificationProblem?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function tone(event: ActivityEvent): string {
  if (event.kind === 'protection-gap' || event.decision === 'deny' || (event.kind === 'command' && event.exitCode && event.exitCode !== 0)) return 'bad';
  if (event.decision === 'ask' || event.kind === 'token') return 'warn';
  if (event.decision === 'allow') return 'good';
  return 'neutral';
}

export function detailsHtml(event: ActivityEvent, page: DetailsPage): string {
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
  const environment = environmentLabel(event);
  const prod = event.environment === 'production' || event.environment === 'unknown';
  const fields = eventFields(event)
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const evidence = event.evidence?.length
    ? `<section><h2>Evidence</h2><ul>${event.evidence.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></section>`
    : '';
  const details =
    event.details && Object.keys(event.details).length
      ? `<section><h2>Details</h2><pre class="json">${escapeHtml(JSON.stringify(event.details, null, 2))}</pre></section>`
      : '';
  const location = page.location
    ? `<p class="meta">Line ${page.location.seq} of the hash-chained log in <code>${escapeHtml(page.location.logDir)}</code> · event id <code>${escapeHtml(event.id)}</code></p>`
    : `<p class="meta">Event id <code>${escapeHtml(event.id)}</code></p>`;
  const actions = [
    event.command ? '<button type="button" data-action="copyCommand">Copy command</button>' : '',
    event.cwd ? '<button type="button" data-action="revealCwd">Reveal working folder</button>' : '',
    event.file ? '<button type="button" data-action="openFile">Open file</button>' : '',
    '<button type="button" data-action="copyJson" class="secondary">Copy as JSON</button>',
  ].join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>${escapeHtml(eventOutcome(event))}</title>
</head>
<body class="tone-${tone(event)}">
<header>
  ${environment ? `<div class="environment${prod ? ' production' : ''}" role="status">${escapeHtml(environment.toUpperCase())}</div>` : ''}
  <h1>${escapeHtml(kindTitle(event))} · <span class="outcome">${escapeHtml(eventOutcome(event))}</span></h1>
</header>
<main>
  ${page.verificationProblem ? `<p class="unverified" role="alert">This line failed verification: ${escapeHtml(page.verificationProblem)}. What it says may not be what happened.</p>` : ''}
  ${event.command ? `<section><h2>Command</h2><pre class="command">${escapeHtml(event.command)}</pre></section>` : `<p class="subject">${escapeHtml(eventSubject(event))}</p>`}
  ${event.reason ? `<section><h2>Why</h2><p>${escapeHtml(event.reason)}</p></section>` : ''}
  <section><h2>Facts</h2><dl>${fields}</dl></section>
  ${evidence}
  ${details}
  <div class="actions">${actions}</div>
  ${location}
</main>
<script nonce="${page.nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}

function kindTitle(event: ActivityEvent): string {
  switch (event.kind) {
    case 'command':
      return 'Terminal command';
    case 'decision':
      return event.file && !event.command ? 'File access' : 'Command';
    case 'confirmation':
      return 'Confirmation';
    case 'file-read':
      return 'File read';
    case 'token':
      return 'Exposed token';
    case 'protection-gap':
      return event.command ? 'Command no gate saw' : "Change to Airlock's files no gate could stop";
    default:
      return 'Airlock';
  }
}
