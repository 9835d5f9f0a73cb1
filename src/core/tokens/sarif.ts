import type { Severity } from '../types';
import { version } from '../version';
import { keyedFingerprint } from './fingerprint-key';
import { ruleById } from './rules/index';
import type { TokenFinding } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub code scanning reads `security-severity` (0-10) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

function exposureText(f: TokenFinding): string {
  const git = f.tracked ? 'tracked by git' : f.gitIgnored ? 'ignored by git' : 'not tracked by git';
  const agents = f.agentReadable ? 'readable by AI agents' : `blocked for agents by ${(f.blockedBy ?? []).join(', ')}`;
  return `${git}; ${agents}`;
}

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules used, one result per finding.
 * URIs are relative to the scanned folder under `%SRCROOT%`, which code scanning maps to the checkout.
 * Fingerprints are HMACs under `fingerprintKey` (see fingerprint-key.ts), never hashes of the secret.
 */
export function toSarif(findings: TokenFinding[], fingerprintKey: Buffer): object {
  const ruleIds = [...new Set(findings.map((f) => f.type))];
  const rules = ruleIds.map((id) => {
    const rule = ruleById(id);
    const severity = rule?.severity ?? 'medium';
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: `${rule?.title ?? id} exposed` },
      fullDescription: { text: `${rule?.provider ?? 'A'} credential in the workspace. ${rule?.scope ?? ''}`.trim() },
      help: {
        text: 'Rotate the credential with its provider, then move it out of the repository (a secret store or an ignored, agent-blocked env file). Accept a false alarm with an `airlock:allow` comment or a `.airlockignore` entry.',
      },
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { tags: ['security', 'secret', rule?.provider ?? 'unknown'], precision: 'high', 'security-severity': SECURITY_SEVERITY[severity] },
    };
  });
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Airlock', informationUri: 'https://example.invalid/airlock', semanticVersion: version, version, rules } },
        results: findings.map((f) => ({
          ruleId: f.type,
          ruleIndex: index.get(f.type),
          level: LEVEL[f.severity],
          message: { text: `${f.title} (${f.preview}). ${f.scope} Exposure: ${exposureText(f)}.` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          // Keyed: a plain hash of the secret would let whoever holds the file test guesses offline.
          partialFingerprints: { 'airlockSecret/v2': keyedFingerprint(f.fingerprint, fingerprintKey) },
        })),
      },
    ],
  };
}

export { exposureText };
