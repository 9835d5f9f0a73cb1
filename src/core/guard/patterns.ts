/**
 * Policy command patterns: words matched, as a prefix, against a simple command's argv, each
 * word a minimatch glob. `terraform apply` matches `terraform apply -auto-approve`;
 * `kubectl delete * --all` matches `kubectl delete pods --all`.
 */
import { minimatch } from 'minimatch';
import type { SimpleCommand } from '../shell/command';

export function patternWords(pattern: string): string[] {
  return pattern.trim().split(/\s+/).filter(Boolean);
}

export function matchesCommandPattern(command: SimpleCommand, pattern: string): boolean {
  const words = patternWords(pattern);
  if (words.length === 0 || words.length > command.argv.length) return false;
  return words.every((word, i) => minimatch(command.argv[i]!, word, { dot: true, nocase: false }));
}
