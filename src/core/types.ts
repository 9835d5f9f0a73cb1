/** Vocabulary shared by every part of Airlock: the extension, the CLI and the agent hooks. */

/** What Airlock answers for an action. `ask` means a person decides in the editor. */
export type Decision = 'allow' | 'ask' | 'deny';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** `unknown` is treated like `production` everywhere: Airlock never guesses. */
export type Environment = 'production' | 'staging' | 'development' | 'unknown';

/** How a person confirms: a button, or typing the environment or resource name. */
export type Confirmation = 'button' | 'typed';

/** Who asked for an action. */
export type Requester = 'cursor' | 'claude' | 'copilot' | 'codex' | 'gemini' | 'windsurf' | 'kiro' | 'opencode' | 'cline' | 'terminal' | 'cli' | 'unknown';

const DECISION_RANK: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };

/** The stricter of two decisions: deny beats ask beats allow. */
export function stricterDecision(a: Decision, b: Decision): Decision {
  return DECISION_RANK[a] >= DECISION_RANK[b] ? a : b;
}

export function isDecision(value: unknown): value is Decision {
  return value === 'allow' || value === 'ask' || value === 'deny';
}
