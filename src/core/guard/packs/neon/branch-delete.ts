import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { NEON_DELETE, NEON_KEYWORDS, NEON_TOOLS, NEON_VALUED } from './shape';

export default defineRule({
  id: 'neon.branch-delete',
  resource: 'a Neon branch and the data written to it',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Neon branch, or resets or restores it over its current state: data written to that branch is lost.',
  suggestion: 'Create a backup branch from it first (`neon branches create --parent BRANCH`).',
  keywords: NEON_KEYWORDS,
  tools: NEON_TOOLS,
  match: (command) => {
    const words = matchPath(command, NEON_VALUED, [
      ['branches', 'branch'],
      [...NEON_DELETE, 'reset', 'restore'],
    ]);
    return words
      ? {
          reason:
            words[1] === 'reset' || words[1] === 'restore'
              ? `\`neon branches ${words[1]}\` overwrites a Neon branch: data written to it since the chosen point is lost.`
              : undefined,
        }
      : undefined;
  },
  examples: {
    match: ['neon branches delete dev/feature', 'neonctl branches reset main --parent', 'neon branches restore main ^self@2024-01-01T00:00:00Z'],
    noMatch: [
      { line: 'neon branches list', decision: 'allow' },
      { line: 'neon branches create --name dev', decision: 'allow' },
      'neon branches get main',
      'neon branches delete --help',
    ],
  },
});
