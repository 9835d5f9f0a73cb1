import type { Severity } from '../types';

/**
 * One kind of credential: ESLint-rule shaped, with its metadata beside the logic and
 * examples the unit tests run (every `valid` example must be found, no `invalid` one).
 */
export interface TokenRule {
  /** Stable kebab-case id: the diagnostic code, the SARIF rule id and the JSON `type`. */
  readonly id: string;
  readonly provider: string;
  /** What a person calls it, e.g. "GitHub fine-grained personal access token". */
  readonly title: string;
  /**
   * Lower-case literals, one of which must appear in the (lower-cased) text before the
   * pattern runs: the quick reject that keeps a scan of a large tree cheap.
   */
  readonly keywords: readonly string[];
  /** A global regex; the secret is its named group `secret`, else the whole match. */
  readonly pattern?: RegExp;
  /**
   * For opaque tokens found by context: the variable names (upper-case, `_` separators) the
   * provider documents for them. Matched in env files, YAML, JSON, TOML, shell, Terraform...
   */
  readonly names?: readonly string[];
  /** For named rules: the shape the value must have (e.g. a UUID), when the provider documents one. */
  readonly valuePattern?: RegExp;
  /** What the credential can do, as its format tells; see UNKNOWN_SCOPE. */
  readonly scope: string;
  readonly severity: Severity;
  /**
   * A broad pattern (a bare JWT) that yields to named rules: a JWT assigned to
   * SUPABASE_SERVICE_ROLE_KEY is reported as that, not as a JWT.
   */
  readonly fallback?: boolean;
  /** Extra proof beyond the regex: a checksum, an entropy floor, a structure check. */
  readonly check?: (secret: string, match: RegExpExecArray) => boolean;
  /**
   * A non-global regex the whole text must match for any finding of this rule (what `check` needs
   * elsewhere in the text, e.g. an AWS key id beside a secret): tested after the keywords, before
   * the pattern runs over the text.
   */
  readonly requires?: RegExp;
  /** Narrows scope and severity from the token itself (e.g. Stripe live vs test). */
  readonly refine?: (secret: string, match: RegExpExecArray) => Partial<Pick<TokenFinding, 'scope' | 'severity' | 'title'>>;
  readonly examples: { readonly valid: readonly string[]; readonly invalid: readonly string[] };
}

/** What a provider's rotation looks like: the quick fix copies this checklist. */
export interface ProviderInfo {
  readonly name: string;
  /** Where a person revokes and re-issues the credential. */
  readonly console?: string;
  readonly rotation: readonly string[];
}

/** A family of providers and their rules: one module under rules/. */
export interface TokenPack {
  readonly id: string;
  readonly providers: readonly ProviderInfo[];
  readonly rules: readonly TokenRule[];
}

/**
 * One credential found in a file. It never carries the secret itself: only a preview of at
 * most its first four characters and its length, and a fingerprint (a truncated SHA-256)
 * that lets `.airlockignore` and the editor recognise the same secret again.
 */
export interface TokenFinding {
  /** Path as given to the scanner (absolute for workspace scans, relative in CLI output). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the editor's. */
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule id. */
  type: string;
  provider: string;
  title: string;
  preview: string;
  /** What it can do ("scope unknown: treat as full access" when the format does not tell). */
  scope: string;
  severity: Severity;
  /** First 16 hex digits of SHA-256 of the secret: safe to store, not reversible. */
  fingerprint: string;
  /** Exposure, filled by the workspace scanner. */
  tracked?: boolean;
  gitIgnored?: boolean;
  agentReadable?: boolean;
  /** Why agents cannot read it (".cursorignore", "Claude Code deny rule", "Airlock read gate"). */
  blockedBy?: string[];
}

export const UNKNOWN_SCOPE = 'scope unknown: treat as full access';
