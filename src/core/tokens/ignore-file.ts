import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { safeIgnores } from './exposure';

export const AIRLOCK_IGNORE = '.airlockignore';
const FINGERPRINT_LINE = /^fingerprint:([0-9a-f]{16})\s*$/;

/**
 * `.airlockignore`: gitignore lines accept whole files; `fingerprint:<16 hex>` lines accept
 * one finding (the same secret wherever it moves in the file), written by the quick fix.
 */
export interface AcceptedFindings {
  ignoresFile(relativePath: string): boolean;
  ignoresFingerprint(fingerprint: string): boolean;
}

export function parseAirlockIgnore(text: string): AcceptedFindings {
  const fingerprints = new Set<string>();
  const patterns: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = FINGERPRINT_LINE.exec(line.trim());
    if (m) fingerprints.add(m[1]!);
    else patterns.push(line);
  }
  const files: Ignore = ignore().add(patterns);
  return {
    ignoresFile: (p) => safeIgnores(files, p),
    ignoresFingerprint: (f) => fingerprints.has(f),
  };
}

export async function loadAirlockIgnore(root: string): Promise<AcceptedFindings> {
  try {
    return parseAirlockIgnore(await readFile(join(root, AIRLOCK_IGNORE), 'utf8'));
  } catch {
    return parseAirlockIgnore('');
  }
}

/** The lines the "ignore this finding" quick fix appends. */
export function airlockIgnoreEntry(finding: { type: string; file: string; line: number; fingerprint: string }): string {
  return `# ${finding.type} in ${finding.file}:${finding.line} (accepted)\nfingerprint:${finding.fingerprint}\n`;
}
