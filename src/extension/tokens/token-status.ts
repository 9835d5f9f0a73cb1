import type { TokenFinding } from '../../core/tokens/types';

/**
 * What the key status item, the view's badge and a file row say about exposed tokens. Pure (no
 * vscode import) so unit tests can check the counts: "agents can read" counts only findings no
 * verified gate blocks, never all of them.
 */
export interface TokenStatusModel {
  text: string;
  tooltip: string;
  /** Tokens an agent can read: the warning colour and the badge follow this count. */
  readable: number;
  badge?: { value: number; tooltip: string };
}

export function tokenStatus(findings: readonly TokenFinding[]): TokenStatusModel {
  const readable = findings.filter((f) => f.agentReadable !== false).length;
  const n = findings.length;
  return {
    readable,
    text: n === 0 ? '$(key) 0' : `$(key) ${n}${readable ? ` $(unlock) ${readable}` : ''}`,
    tooltip:
      n === 0 ? 'Airlock: no exposed tokens found' : `Airlock: ${n} exposed token${n === 1 ? '' : 's'}, ${readable} readable by AI agents. Click to review.`,
    badge: readable > 0 ? { value: readable, tooltip: `${readable} token(s) AI agents can read` } : undefined,
  };
}

/** A file row: how many tokens, and who can read the file (naming what blocks it, never just "blocked"). */
export function tokenFileDescription(findings: readonly TokenFinding[]): string {
  const first = findings[0];
  const n = findings.length;
  const readable = findings.some((f) => f.agentReadable !== false);
  const blockers = [...new Set(findings.flatMap((f) => f.blockedBy ?? []))];
  const agents = readable ? 'agents can read' : `agents blocked (${blockers.join(', ')})`;
  return `${n} token${n === 1 ? '' : 's'} · ${agents}${first?.tracked ? ' · tracked by git' : ''}`;
}
