// Neon CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'neonctl projects delete cool-river-123', 'neon.project-delete'],
  ['ask', 'npx neonctl branches delete dev', 'neon.branch-delete'],
  ['ask', 'neon branches reset main --parent', 'neon.branch-delete'],
  ['allow', 'neon projects list'],
  ['allow', 'neon connection-string main'],
  ['allow', 'neonctl databases list'],
] satisfies Corpus;
