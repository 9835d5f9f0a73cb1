import type { Target } from './environment/target';
import type { SimpleCommand } from './shell/command';
import type { Confirmation, Decision, Environment, Severity } from './types';

/** What one rule reports for one command. The CLI's JSON keeps these field names. */
export interface Finding {
  rule: string;
  severity: Severity;
  decision: Exclude<Decision, 'allow'>;
  /** Plain-language reason: what it destroys and why Airlock stopped it. */
  reason: string;
  /** The dangerous segment of the line. */
  segment: string;
  /** A safer alternative, when one exists. */
  suggestion?: string;
  /** What would be destroyed, e.g. "a Railway volume and every byte on it". */
  resource?: string;
  /** The command the rule matched (not serialised by the CLI). */
  command?: SimpleCommand;
}

export interface CheckResult {
  decision: Decision;
  /** null when nothing in the line is guarded. */
  environment: Environment | null;
  findings: Finding[];
  target?: Target;
  confirmation?: Confirmation;
  /** Things a person should know about the check itself, e.g. "repository policy ignored: workspace not trusted". */
  notes?: string[];
  /** Policy says only a person in the editor may approve this target: never an agent's own prompt, never allow-and-log. */
  personOnly?: boolean;
}
