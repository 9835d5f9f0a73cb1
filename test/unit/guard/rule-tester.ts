/**
 * The rule tester, in the spirit of ESLint's RuleTester: the same metadata checks for every
 * rule of every pack, then each of the rule's own examples run through the whole engine.
 *
 * - a `match` example must produce a finding of this rule, with the decision and severity the
 *   example states (`{ line, decision, severity }`);
 * - a `noMatch` example must not; stated as `{ line, decision: 'allow' }`, nothing else may stop
 *   the line either;
 * - examples run where the corpus does (`/home/dev/project`, not a temp folder, files read from
 *   test/corpus/fixtures), so a rule that reads files can show both outcomes;
 * - the same line twice in one rule's examples is rejected, and so is a match example that the
 *   fast path would let through on the rule's own keywords (the fast path would never reach it).
 */
import { type CheckOptions, checkCommand } from '../../../src/core/guard/engine';
import { needsFullCheck, triggerSet } from '../../../src/core/guard/fastpath/prefilter';
import { exampleLine, type Pack, type Rule } from '../../../src/core/guard/rule';
import { CORPUS_OPTIONS } from './corpus-files';

const SEVERITIES = new Set(['critical', 'high', 'medium', 'low']);

/** What is wrong with a rule's metadata, as sentences; empty when nothing is. */
export function metadataProblems(pack: Pack, rule: Rule): string[] {
  const problems: string[] = [];
  if (!new RegExp(`^${pack.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[a-z0-9]+(-[a-z0-9]+)*$`).test(rule.id))
    problems.push(`id ${rule.id} is not ${pack.id}.<kebab-case-name>`);
  if (rule.reason.length <= 20) problems.push('the reason is not written out');
  if (rule.resource.length <= 5) problems.push('the resource is not written out');
  if (!SEVERITIES.has(rule.severity)) problems.push(`unknown severity ${rule.severity}`);
  if (rule.decision !== 'ask' && rule.decision !== 'deny') problems.push(`unknown decision ${rule.decision}`);
  if (rule.tools.length === 0) problems.push('no tools listed');
  if (rule.keywords.length === 0) problems.push('no keywords listed');
  if (rule.examples.match.length === 0) problems.push('no example it must match');
  if (rule.examples.noMatch.length === 0) problems.push('no look-alike example it must not match');
  const lines = [...rule.examples.match, ...rule.examples.noMatch].map(exampleLine);
  const repeated = lines.filter((line, i) => lines.indexOf(line) !== i);
  for (const line of new Set(repeated)) problems.push(`example given twice: ${line}`);
  const triggers = triggerSet(rule.keywords);
  for (const line of rule.examples.match.map(exampleLine)) {
    if (!needsFullCheck(line, triggers)) problems.push(`the fast path would let this example through on the rule's keywords: ${line}`);
  }
  return problems;
}

/** Every example of the rule that does not behave as stated, as sentences; empty when all do. */
export async function exampleFailures(rule: Rule, options: CheckOptions = CORPUS_OPTIONS): Promise<string[]> {
  const failures: string[] = [];
  for (const example of rule.examples.match) {
    const line = exampleLine(example);
    const result = await checkCommand(line, options);
    const finding = result.findings.find((f) => f.rule === rule.id);
    if (!finding) {
      failures.push(`should match: ${line}  (got ${result.findings.map((f) => f.rule).join(', ') || 'nothing'})`);
      continue;
    }
    if (typeof example === 'string') continue;
    if (example.decision && finding.decision !== example.decision) failures.push(`should ${example.decision}: ${line}  (the rule said ${finding.decision})`);
    if (example.severity && finding.severity !== example.severity) failures.push(`should be ${example.severity}: ${line}  (the rule said ${finding.severity})`);
  }
  for (const example of rule.examples.noMatch) {
    const line = exampleLine(example);
    const result = await checkCommand(line, options);
    if (result.findings.some((f) => f.rule === rule.id)) failures.push(`should not match: ${line}`);
    else if (typeof example !== 'string' && example.decision === 'allow' && result.decision !== 'allow') {
      failures.push(`should be allowed: ${line}  (got ${result.decision}: ${result.findings.map((f) => f.rule).join(', ')})`);
    }
  }
  return failures;
}
