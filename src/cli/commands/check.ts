import { resolve } from 'node:path';
import { assessCommand } from '../../core/assess';
import type { CheckResult } from '../../core/findings';
import { loadPolicy } from '../../core/policy/load';
import { redactText } from '../../core/redact';
import type { CliCommand } from '../io';
import { parseLineArgs } from './check-args';

/** Exit codes of `airlock check`: scripts and shims branch on them. */
export const CHECK_EXIT = { allow: 0, ask: 3, deny: 4 } as const;

/** The JSON tools are built on: these field names are stable. */
export function checkResultJson(result: CheckResult): Record<string, unknown> {
  const { findings, decision, environment, ...extra } = result;
  return {
    decision,
    environment,
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      reason: redactText(f.reason),
      segment: redactText(f.segment),
      suggestion: f.suggestion ?? null,
    })),
    ...JSON.parse(redactText(JSON.stringify(extra))),
  };
}

function human(result: CheckResult): string {
  const lines = [`${result.decision.toUpperCase()}${result.findings.length ? '' : ': nothing destructive found'}`];
  for (const f of result.findings) {
    lines.push(`  ${f.decision === 'deny' ? '✖' : '?'} ${f.rule} (${f.severity}): ${redactText(f.reason)}`);
    lines.push(`      in: ${redactText(f.segment).split('\n')[0]}`);
    if (f.suggestion) lines.push(`      safer: ${f.suggestion}`);
  }
  if (result.environment) lines.push(`  environment: ${result.environment}`);
  for (const note of result.notes ?? []) lines.push(`  note: ${note}`);
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'decide allow / ask / deny for a shell command line',
  usage: [
    "Usage: airlock check [--json] [--cwd DIR] -- '<command line>'",
    '',
    'Checks one command line, exactly as a shell would read it, without running it.',
    'Exit status: 0 allow, 3 ask (a person should confirm), 4 deny, 2 usage error.',
    '',
    'Options:',
    '  --json      print {"decision","environment","findings":[{"rule","severity","reason","segment","suggestion"}]}',
    '  --cwd DIR   directory the line would run in (scripts and files it names are read from there)',
  ].join('\n'),
  async run(args, io) {
    const { line, json, cwd: given } = parseLineArgs(args, true);
    const cwd = resolve(io.cwd, given ?? '.');
    const policy = loadPolicy({ cwd, env: io.env });
    const result = await assessCommand(line, { cwd, policy, env: io.env });
    io.stdout(json ? `${JSON.stringify(checkResultJson(result))}\n` : human(result));
    return CHECK_EXIT[result.decision];
  },
};
