import type { Severity } from '../types';
import { hasCrc32Base62Checksum } from './checksum';
import { characterClasses, shannonEntropy } from './entropy';
import type { ProviderInfo, TokenPack, TokenRule } from './types';

/** Identity helpers that keep rule modules typed and readable. */
export function defineTokenRule(rule: TokenRule): TokenRule {
  return rule;
}

export function defineTokenPack(pack: TokenPack): TokenPack {
  return pack;
}

export function provider(name: string, console: string | undefined, ...steps: string[]): ProviderInfo {
  return {
    name,
    console,
    rotation:
      steps.length > 0
        ? steps
        : [
            `Revoke the credential in ${name}${console ? ` (${console})` : ''} and issue a new one with the least scope that works.`,
            'Put the new value in a secret store or an ignored, agent-blocked env file, never in a tracked file.',
            `Check ${name}'s audit or access logs for use of the old credential since it was exposed.`,
            'If it was ever committed, treat it as public: rotating is the fix, rewriting history is not.',
          ],
  };
}

const EDGE_BEFORE = '(?<![A-Za-z0-9_+-])';
const EDGE_AFTER = '(?![A-Za-z0-9_+/=-])';

/** A token that stands on its own: not glued to other token characters on either side. */
export function standalone(source: string, flags = 'g'): RegExp {
  return new RegExp(`${EDGE_BEFORE}(?<secret>${source})${EDGE_AFTER}`, flags);
}

/** A value found only next to a provider's name: `twilio ... auth_token = "<32 hex>"`. */
export function near(context: string, value: string, distance = 40): RegExp {
  return new RegExp(`(?:${context})[\\w.\\-"' ]{0,${distance}}?(?:=|:|=>|,)\\s*["'\`]?(?<secret>${value})(?![A-Za-z0-9_+/=-])`, 'gi');
}

/** Entropy floor for the random part of a token: rejects typed placeholders. */
export function looksRandom(minEntropy = 3): (secret: string) => boolean {
  return (secret) => shannonEntropy(secret) >= minEntropy && characterClasses(secret) >= 2;
}

export function githubChecksum(prefixLength: number): (secret: string) => boolean {
  return (secret) => hasCrc32Base62Checksum(secret, prefixLength);
}

export interface RuleSeed {
  id: string;
  title: string;
  keywords: string[];
  pattern: string;
  scope: string;
  severity: Severity;
  valid: string[];
  invalid?: string[];
  minEntropy?: number;
  /** Match case-insensitively (hex tokens written either way). */
  ignoreCase?: boolean;
}

/** Most prefixed tokens differ only in data: build their rules from a table. */
export function prefixedRules(providerName: string, seeds: RuleSeed[]): TokenRule[] {
  return seeds.map((s) =>
    defineTokenRule({
      id: s.id,
      provider: providerName,
      title: s.title,
      keywords: s.keywords,
      pattern: standalone(s.pattern, s.ignoreCase ? 'gi' : 'g'),
      scope: s.scope,
      severity: s.severity,
      check: looksRandom(s.minEntropy ?? 3),
      examples: { valid: s.valid, invalid: [...(s.invalid ?? []), `${s.keywords[0]}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`] },
    }),
  );
}

export interface NamedSeed {
  id: string;
  title: string;
  names: string[];
  scope: string;
  severity: Severity;
  valuePattern?: RegExp;
  valid: string[];
  invalid?: string[];
}

/** Opaque tokens found by the documented variable names they are stored under. */
export function namedRules(providerName: string, seeds: NamedSeed[]): TokenRule[] {
  return seeds.map((s) =>
    defineTokenRule({
      id: s.id,
      provider: providerName,
      title: s.title,
      keywords: [],
      names: s.names,
      valuePattern: s.valuePattern,
      scope: s.scope,
      severity: s.severity,
      examples: {
        valid: s.valid,
        invalid: [
          ...(s.invalid ?? []),
          `${s.names[0]}=your-token-here`,
          `${s.names[0]}=\${${s.names[0]}}`,
          `const token = process.env.${s.names[0]};`,
          `${s.names[0]}: \${{ secrets.${s.names[0]} }}`,
          `${s.names[0]}=<${s.names[0]}>`,
        ],
      },
    }),
  );
}

/** `NAME=value` examples for each documented name of a named rule. */
export function assignedTo(names: string[], value: string): string[] {
  const [first, second] = names;
  const out = [`${first}=${value}`, `export ${first}="${value}"`, `  ${first}: ${value}`];
  if (second) out.push(`{"${second}": "${value}"}`);
  return out;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
