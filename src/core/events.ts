import type { Decision, Environment, Requester, Severity } from './types';

/**
 * The one event type every layer reports through: agent hooks, terminal shims, terminal
 * shell-integration events, the token scanner and the person's confirmations. The activity
 * log stores these, one per line; the sidebar shows them. Every string in an event is
 * already redacted: no secret is ever put into one.
 */
export interface ActivityEvent {
  /** Unique id (random, URL-safe). */
  id: string;
  /** ISO 8601 time the event happened. */
  time: string;
  kind: ActivityKind;
  /** Who acted: an agent through its hook, a terminal, the scanner, ... */
  actor: Requester;
  /** Agent session / conversation id when the agent gave one. */
  session?: string;
  /** The command line (redacted), for command and decision events. */
  command?: string;
  /** The file path, for file-read and token events. */
  file?: string;
  cwd?: string;
  /** What Airlock decided (for `decision`) or what the person answered (for `confirmation`). */
  decision?: Decision;
  /** Who settled a decision: the fast path / rules, a person, a timeout, no editor reachable. */
  decidedBy?: 'rules' | 'person' | 'timeout' | 'no-editor' | 'policy';
  rule?: string;
  severity?: Severity;
  reason?: string;
  environment?: Environment | null;
  /** Evidence for the environment, e.g. "from .terraform/environment". */
  evidence?: string[];
  exitCode?: number;
  durationMs?: number;
  /** Free-form, redacted details shown in the details panel. */
  details?: Record<string, unknown>;
}

export type ActivityKind =
  /** A command seen running in a terminal (shell integration or a shim). */
  | 'command'
  /** A gate decided on a command, read or tool call. */
  | 'decision'
  /** A person answered a confirmation (or it timed out). */
  | 'confirmation'
  /** An agent read (or tried to read) a file. */
  | 'file-read'
  /** The scanner found an exposed token. */
  | 'token'
  /** A destructive command ran that no gate saw: a gap in protection. */
  | 'protection-gap'
  /** Airlock itself: started, log verified, settings changed. */
  | 'airlock';
