import { createHash } from 'node:crypto';
import { type Assignment, findAssignments, HINT_WORDS } from './assignments';
import { looksLikeIdentifier } from './entropy';
import { type ByteScan, KeywordScanner } from './keyword-scan';
import { decodeKubernetesSecrets, KIND_SECRET, KIND_SECRET_ANY_CASE } from './kubernetes';
import { isPlaceholder, isReference } from './placeholder';
import { previewSecret } from './preview';
import { describeByNameOrPrefix, providerInName, providerRuleShaped, type Refined } from './provider-names';
import { isAlgoliaSearchKey } from './public-keys';
import { kubernetesSecretValue } from './rules/cloud';
import { genericRuleFor } from './rules/generic';
import { allRules } from './rules/index';
import type { TokenFinding, TokenRule } from './types';

export interface DetectOptions {
  /** Decides code-versus-config heuristics (a bare value in `.env` is a literal, in `.ts` an expression). */
  fileName?: string;
  /** Redaction mode: any value given to a secret-like name or flag counts, whatever its entropy. */
  aggressive?: boolean;
  /** The keyword pass already run over the file's bytes (prefilterBytes): not run again. */
  prefiltered?: ByteScan;
}

/** Where a secret is in the text, and which rule found it. Internal: never leaves core. */
export interface SecretSpan {
  start: number;
  end: number;
  rule: TokenRule;
  /** Narrowed metadata (scope, severity, title, provider) from the rule's refine() or the variable's name. */
  refined: Refined;
}

/** Rules in order, with which of them each keyword lets run (rules without keywords always run). */
interface RuleSet {
  rules: readonly TokenRule[];
  byKeyword: Map<string, number[]>;
  always: number[];
}

function ruleSet(rules: readonly TokenRule[]): RuleSet {
  const byKeyword = new Map<string, number[]>();
  const always: number[] = [];
  rules.forEach((rule, i) => {
    if (rule.keywords.length === 0) always.push(i);
    for (const k of new Set(rule.keywords)) byKeyword.set(k, [...(byKeyword.get(k) ?? []), i]);
  });
  return { rules, byKeyword, always };
}

/** The rules one of whose keywords is present, in their order: from the few keywords present, not by asking each rule. */
function rulesToRun(set: RuleSet, present: ReadonlySet<string>): TokenRule[] {
  const run = new Uint8Array(set.rules.length);
  for (const i of set.always) run[i] = 1;
  for (const k of present) for (const i of set.byKeyword.get(k) ?? []) run[i] = 1;
  const out: TokenRule[] = [];
  for (let i = 0; i < run.length; i++) if (run[i] === 1) out.push(set.rules[i]!);
  return out;
}

const patternRules = ruleSet(allRules.filter((r) => r.pattern !== undefined && !r.fallback));
const fallbackRules = ruleSet(allRules.filter((r) => r.pattern !== undefined && r.fallback));
const namedByKey = new Map<string, TokenRule>();
for (const rule of allRules) for (const name of rule.names ?? []) namedByKey.set(name, rule);

const ALLOW_MARK = 'airlock:allow';

/**
 * Which rule keywords occur, and where the assignment finder's words do: one Aho–Corasick pass
 * (keyword-scan.ts). `secret` and `kind` gate the Kubernetes Secret reader.
 */
const keywordScanner = new KeywordScanner([...allRules.flatMap((r) => r.keywords), 'secret', 'kind'], HINT_WORDS);
/** A rule with a pattern and no keyword would run on every file: then no file can be passed over. */
const everyPatternHasKeywords = allRules.every((r) => r.pattern === undefined || r.keywords.length > 0);

function keywordsIn(lower: string): Set<string> {
  return keywordScanner.find(lower);
}

/**
 * The keyword pass over a file's UTF-8 bytes (valid UTF-8, checked by the caller), before any
 * decoding. `nothing` when no detector could find anything in it: no rule keyword, no assignment
 * word, so the file need not be decoded.
 */
export function prefilterBytes(bytes: Uint8Array): { scan: ByteScan; nothing: boolean } | undefined {
  const scan = keywordScanner.scanBytes(bytes);
  if (!scan) return undefined;
  return { scan, nothing: everyPatternHasKeywords && scan.present.size === 0 };
}

/** Every secret span in `text`, ordered by position, overlaps resolved in favour of the most specific rule. */
export function detectSecretSpans(text: string, options: DetectOptions = {}): SecretSpan[] {
  // From the byte pass, the lowercased text is needed only for a Kubernetes Secret, or when `İ` or
  // the Kelvin sign move offsets (the hints then come from the lowercased text, as without it).
  const pre = options.prefiltered;
  let lowered: string | undefined = pre ? undefined : text.toLowerCase();
  const lower = (): string => (lowered ??= text.toLowerCase());
  const spans: SecretSpan[] = [];
  const present = pre ? pre.present : keywordsIn(lower());
  runPatternRules(patternRules, text, present, spans, options.aggressive === true);
  // Decoded Secret values outrank the generic reading of their base64 text.
  if (present.has('secret') && present.has('kind') && (pre && !pre.special ? KIND_SECRET_ANY_CASE.test(text) : KIND_SECRET.test(lower()))) {
    for (const decoded of decodeKubernetesSecrets(text)) {
      const inner = detectSecretSpans(decoded.text, { fileName: 'secret.env' });
      // The most specific reading: registry credentials over the password field beside them.
      const best = inner.find((s) => s.rule.provider !== 'Unknown') ?? inner[0];
      if (best)
        spans.push({
          start: decoded.start,
          end: decoded.end,
          rule: best.rule,
          refined: { ...best.refined, title: `${best.refined.title ?? best.rule.title} (in a Kubernetes Secret)` },
        });
      // Any other value of a Secret (`extra`, `ca.pem`, `.dockercfg`) is secret by its owner's word.
      else if (isSecretDataValue(decoded.value))
        spans.push({
          start: decoded.start,
          end: decoded.end,
          rule: kubernetesSecretValue,
          refined: { title: `Kubernetes Secret value (key ${decoded.key.slice(0, 60)})` },
        });
    }
  }
  for (const assignment of findAssignments(text, pre && !pre.special ? pre.sites : lower())) {
    const verdict = ruleForAssignment(assignment, options);
    // Algolia's search-only key beside its appId and indexName is public by design (DocSearch, yarn's search).
    if (
      verdict &&
      !options.aggressive &&
      verdict.rule.provider === 'Unknown' &&
      isAlgoliaSearchKey(text, assignment.start, assignment.start + assignment.value.length, assignment.name)
    )
      continue;
    if (verdict) spans.push({ start: assignment.start, end: assignment.start + assignment.value.length, ...verdict });
  }
  runPatternRules(fallbackRules, text, present, spans, options.aggressive === true);
  return resolveOverlaps(spans);
}

/** Not a secret even in a Secret: empty, a switch or number, a placeholder, a reference, a public certificate. */
function isSecretDataValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || /^(?:true|false|yes|no|on|off|\d+)$/i.test(v) || isPlaceholder(v) || isReference(v)) return false;
  return !/^-----BEGIN CERTIFICATE-----[\s\S]*-----END CERTIFICATE-----$/.test(v);
}

/** `aggressive` (redaction) hides placeholder-looking matches too: `mysql -proot` still gives a password away. */
function runPatternRules(set: RuleSet, text: string, present: ReadonlySet<string>, spans: SecretSpan[], aggressive: boolean): void {
  for (const rule of rulesToRun(set, present)) {
    if (rule.requires && !rule.requires.test(text)) continue;
    const pattern = rule.pattern!;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const secret = m.groups?.secret ?? m[0];
      // With the `d` flag the group's own offset; `indexOf` would find an earlier copy (`mysql -u root -proot`).
      const start = m.indices?.groups?.secret?.[0] ?? m.index + (m.groups?.secret !== undefined ? m[0].indexOf(secret) : 0);
      if (!aggressive && isPlaceholder(secret)) continue;
      if (rule.check && !rule.check(secret, m)) continue;
      spans.push({ start, end: start + secret.length, rule, refined: rule.refine?.(secret, m) ?? {} });
    }
  }
}

function ruleForAssignment(assignment: Assignment, options: DetectOptions): { rule: TokenRule; refined: Refined } | undefined {
  const { value } = assignment;
  const fileName = options.fileName ?? '';
  const aggressive = options.aggressive === true;
  if (isReference(value)) return undefined;
  if (!aggressive && isPlaceholder(value)) return undefined;
  const named = namedByKey.get(assignment.key);
  if (named) {
    if (named.valuePattern) {
      if (named.valuePattern.test(value)) return { rule: named, refined: {} };
      // Redaction: a value under a secret's name is hidden even when its format is off (a typo, a truncated paste).
      const generic = genericRuleFor(assignment, fileName, aggressive) ?? (aggressive ? undefined : genericRuleFor(assignment, fileName, false, 12));
      if (!generic) return undefined;
      if (aggressive) return { rule: generic, refined: {} };
      // A provider's name raises confidence and names the type; it never hides a value in another format.
      const shaped = providerRuleShaped(named.provider, value);
      if (shaped) return { rule: shaped, refined: {} };
      return { rule: named, refined: { title: `${named.title} (not in its documented format)` } };
    }
    if (aggressive) return { rule: named, refined: {} };
    return value.length >= 8 && !looksLikeIdentifier(value) ? { rule: named, refined: {} } : undefined;
  }
  const generic =
    genericRuleFor(assignment, fileName, aggressive) ??
    (!aggressive && value.length >= 12 && providerInName(assignment.key) ? genericRuleFor(assignment, fileName, false, 12) : undefined);
  if (!generic) return undefined;
  if (aggressive) return { rule: generic, refined: {} };
  const described = describeByNameOrPrefix(assignment.name, value);
  return { rule: described.rule ?? generic, refined: described.refined };
}

/**
 * Earlier-listed rules are more specific: on overlap the first span found wins. Kept spans are
 * disjoint and ordered, so a new span can only overlap the last one kept: linear, not quadratic.
 */
function resolveOverlaps(spans: SecretSpan[]): SecretSpan[] {
  const rank = new Map<SecretSpan, number>(spans.map((s, i) => [s, i]));
  const byPosition = [...spans].sort((a, b) => a.start - b.start || rank.get(a)! - rank.get(b)!);
  const kept: SecretSpan[] = [];
  for (const span of byPosition) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) {
      kept.push(span);
      continue;
    }
    if (rank.get(span)! < rank.get(last)!) kept[kept.length - 1] = span;
  }
  return kept;
}

export function fingerprintSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/** Maps offsets to 1-based lines and UTF-16 columns. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const end = this.starts[line] ?? this.text.length;
    return this.text.slice(start, end);
  }
}

/** Findings in a text: the API the gates, the editor and the CLI share. */
export function detectInText(text: string, options: DetectOptions = {}): TokenFinding[] {
  const spans = detectSecretSpans(text, options);
  if (spans.length === 0) return [];
  const index = new LineIndex(text);
  const findings: TokenFinding[] = [];
  for (const span of spans) {
    const from = index.position(span.start);
    const to = index.position(span.end);
    if (isAllowed(index, from.line)) continue;
    const secret = text.slice(span.start, span.end);
    findings.push({
      file: options.fileName ?? '',
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      type: span.rule.id,
      provider: span.refined.provider ?? span.rule.provider,
      title: span.refined.title ?? span.rule.title,
      preview: previewSecret(secret),
      scope: span.refined.scope ?? span.rule.scope,
      severity: span.refined.severity ?? span.rule.severity,
      fingerprint: fingerprintSecret(secret),
    });
  }
  return findings;
}

/** `airlock:allow` on the line, or `airlock:allow-next-line` on the one before, accepts a finding. */
function isAllowed(index: LineIndex, line: number): boolean {
  if (index.lineText(line).includes(ALLOW_MARK)) return !index.lineText(line).includes(`${ALLOW_MARK}-next-line`);
  return line > 1 && index.lineText(line - 1).includes(`${ALLOW_MARK}-next-line`);
}
