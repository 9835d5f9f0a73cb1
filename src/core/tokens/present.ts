import { providerInfo, ruleById } from './rules/index';
import type { TokenFinding } from './types';

/**
 * Every text the editor shows about a finding, built in core so the unit tests can prove no
 * secret reaches any of them. Only the finding's preview ever stands for the value.
 */

export function exposureSummary(f: TokenFinding): string {
  const git = f.tracked ? 'tracked by git' : f.gitIgnored ? 'git-ignored' : 'untracked';
  const agents = f.agentReadable === false ? `agents blocked (${(f.blockedBy ?? []).join(', ')})` : 'agents can read it';
  return `${git}, ${agents}`;
}

export function diagnosticMessage(f: TokenFinding): string {
  return `${f.title} (${f.preview}) exposed: ${exposureSummary(f)}. ${f.scope}`;
}

export function rotationChecklist(f: TokenFinding): string {
  const info = providerInfo(f.provider);
  const steps = info?.rotation ?? providerInfo('Unknown')?.rotation ?? [];
  return [
    `Rotate: ${f.title} (${f.preview}) in ${f.file}:${f.line}`,
    '',
    ...steps.map((s) => `- [ ] ${s}`),
    `- [ ] Remove the value from ${f.file}${f.tracked ? ' (it is tracked by git: treat it as public even after removal)' : ''}.`,
    f.agentReadable === false ? '' : `- [ ] Keep agents out of where the new value lives (.cursorignore, Claude Code deny rules, Airlock's read gate).`,
  ]
    .filter((line, i, all) => line !== '' || i < all.length - 1)
    .join('\n');
}

/** Markdown for the hover: what it can do, who can see it, what to do. */
export function hoverMarkdown(f: TokenFinding): string {
  const info = providerInfo(f.provider);
  const rule = ruleById(f.type);
  return [
    `**$(key) ${escapeMarkdown(f.title)}** \`${f.preview}\` · ${f.severity} blast radius`,
    '',
    `**What it can do:** ${escapeMarkdown(f.scope)}`,
    '',
    `**Exposure:** ${escapeMarkdown(exposureSummary(f))}${f.agentReadable === false ? '' : ' ⚠'}`,
    '',
    `**What to do:** rotate it${info?.console ? ` at ${info.console}` : ` with ${f.provider}`}, then move the new value out of agents' reach. Use the quick fixes (Ctrl+.) to block agent reads of this file, copy the rotation checklist, or accept a false alarm.`,
    '',
    `_Airlock · ${rule?.id ?? f.type}_`,
  ].join('\n');
}

export function treeLabel(f: TokenFinding): string {
  return `${f.title} ${f.preview}`;
}

export function treeDescription(f: TokenFinding): string {
  return `line ${f.line} · ${f.severity}${f.agentReadable === false ? '' : ' · agent-readable'}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}
