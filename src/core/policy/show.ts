/**
 * `airlock policy show`: the effective policy, each value with where it came from (managed,
 * user file, editor settings, repository, or Airlock's default) and every note on what was
 * ignored. Export headers are never printed: they may hold a collector's API key.
 */

import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { findRepositoryPolicy, loadPolicyFrom, type PolicySources, readManagedPolicy, sanitizePolicy, userPolicyPath } from './load';
import { managedPolicyPath } from './managed';
import type { EffectivePolicy, PolicyFile } from './types';

export interface PolicyRow {
  field: string;
  values: Array<{ value: string; from: string }>;
}

export interface PolicyReport {
  managed: { path: string; present: boolean; error?: string };
  userPath: string;
  repositoryPath?: string;
  rows: PolicyRow[];
  notes: string[];
  effective: EffectivePolicy;
}

function readLayer(path: string | undefined): PolicyFile {
  if (!path) return {};
  try {
    return sanitizePolicy(parseJsonc(readFileSync(path, 'utf8'), [], { allowTrailingComma: true }));
  } catch {
    return {};
  }
}

export function policyReport(sources: PolicySources, managedPath: string = managedPolicyPath()): PolicyReport {
  const effective = loadPolicyFrom(sources, managedPath);
  const managedRead = readManagedPolicy(managedPath);
  const userPath = userPolicyPath(sources.env);
  const repositoryPath = findRepositoryPolicy(sources.cwd);
  const layers: Array<{ name: string; file: PolicyFile }> = [
    { name: `managed (${managedPath})`, file: managedRead.file ?? {} },
    { name: `user (${userPath})`, file: readLayer(userPath) },
    { name: 'editor settings', file: sources.settings ?? {} },
    { name: `repository (${repositoryPath ? dirname(dirname(repositoryPath)) : '-'})`, file: readLayer(repositoryPath) },
  ];
  const origin = (pick: (f: PolicyFile) => readonly unknown[] | undefined, value: string) =>
    layers.find((l) => (pick(l.file) ?? []).map(String).includes(value))?.name ?? 'default';
  const row = (field: string, values: readonly string[], pick: (f: PolicyFile) => readonly unknown[] | undefined): PolicyRow => ({
    field,
    values: values.map((value) => ({ value, from: origin(pick, value) })),
  });
  const env = effective.environments;
  const rows: PolicyRow[] = [
    row('disabledRules', [...effective.disabledRules], (f) => f.disabledRules),
    row('ask', effective.askPatterns, (f) => f.ask),
    row('deny', effective.denyPatterns, (f) => f.deny),
    row('allow', effective.allowPatterns, (f) => f.allow),
    row('protectedBranches', effective.protectedBranches, (f) => f.protectedBranches),
    row('routineDeletePaths', effective.routineDeletePaths, (f) => f.routineDeletePaths),
    row(
      'typedConfirmation',
      ['production', 'unknown', ...(effective.typedConfirmation ?? []).filter((e) => e !== 'production' && e !== 'unknown')],
      (f) => f.typedConfirmation,
    ),
    row('forbidAgentApproval', effective.forbidAgentApproval ?? [], (f) => f.forbidAgentApproval),
    // Whose repository policy may loosen: the managed list alone when it sets one.
    row(
      'trustedWorkspaces',
      managedRead.file?.trustedWorkspaces ?? [...new Set([...(layers[1]!.file.trustedWorkspaces ?? []), ...(layers[2]!.file.trustedWorkspaces ?? [])])],
      (f) => f.trustedWorkspaces,
    ),
  ];
  if (env) {
    for (const name of ['production', 'staging', 'development'] as const)
      rows.push(row(`environments.${name}`, env.patterns[name], (f) => f.environments?.[name]));
    for (const [name, decision] of Object.entries(env.decisions)) {
      const from = layers.find((l) => l.file.environments?.decisions?.[name as keyof typeof env.decisions] === decision)?.name ?? 'default';
      rows.push({ field: `environments.decisions.${name}`, values: [{ value: decision, from }] });
    }
  }
  const exp = effective.export;
  rows.push({
    field: 'export',
    values:
      exp?.endpoint && exp.enabled !== false
        ? [
            {
              value: `${exp.endpoint} (${exp.protocol ?? 'http/protobuf'}${exp.headers ? `, ${Object.keys(exp.headers).length} header(s) not shown` : ''}${exp.locked ? ', locked' : ''})`,
              from: exp.source === 'managed' ? layers[0]!.name : exp.source === 'user' ? layers[1]!.name : 'default',
            },
          ]
        : [{ value: 'off', from: exp?.enabled === false ? (exp.source === 'managed' ? layers[0]!.name : layers[1]!.name) : 'default' }],
  });
  return {
    managed: { path: managedPath, present: !!managedRead.file || !!managedRead.error, ...(managedRead.error ? { error: managedRead.error } : {}) },
    userPath,
    repositoryPath,
    rows,
    notes: [...effective.notes],
    effective,
  };
}

export function formatPolicyReport(report: PolicyReport): string {
  const out: string[] = [];
  out.push(
    report.managed.present
      ? `Managed policy: ${report.managed.path}${report.managed.error ? ` (UNUSABLE: ${report.managed.error})` : ''}. User and repository policy may only tighten it.`
      : `Managed policy: none (${report.managed.path} is absent).`,
  );
  out.push('');
  for (const row of report.rows) {
    if (!row.values.length) {
      out.push(`${row.field}: (none)`);
      continue;
    }
    out.push(`${row.field}:`);
    for (const v of row.values) out.push(`  ${v.value.padEnd(28)}  from ${v.from}`);
  }
  if (report.notes.length) {
    out.push('', 'Notes:');
    for (const n of report.notes) out.push(`  - ${n}`);
  }
  return `${out.join('\n')}\n`;
}
