import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { applyEdits, modify, type ParseError, parse as parseJsonc } from 'jsonc-parser';
import { noteOwnWrite } from '../protection/own-writes';
import { sanitizePolicy, userPolicyPath } from './load';

/**
 * Switches one rule off for one workspace folder in the USER policy file (never the
 * repository's: a repository must not loosen Airlock by itself). The file is edited in place
 * with jsonc-parser, so the person's comments and formatting stay; written through a temp
 * file and a rename so a crash never leaves half a policy.
 * Returns the policy file's path.
 */
export function disableRuleInWorkspace(rule: string, workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!rule.trim()) throw new Error('no rule to trust');
  const path = userPolicyPath(env);
  const root = resolve(workspaceRoot);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '{\n}\n';
  const errors: ParseError[] = [];
  const current = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length || !current || typeof current !== 'object' || Array.isArray(current)) {
    throw new Error(`${path} is not a valid JSON object; fix it before trusting a rule`);
  }
  const existing = sanitizePolicy(current).workspaceDisabledRules?.[root] ?? [];
  if (existing.includes(rule)) return path;
  const edits = modify(text, ['workspaceDisabledRules', root], [...existing, rule], { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  const mode = existsSync(path) ? statSync(path).mode & 0o777 : 0o600;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  const next = applyEdits(text, edits);
  noteOwnWrite(path, next);
  writeFileSync(temp, next, { mode });
  chmodSync(temp, mode);
  renameSync(temp, path);
  return path;
}
