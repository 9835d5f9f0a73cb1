import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { SUPABASE_KEYWORDS, SUPABASE_TOOLS, SUPABASE_VALUED } from './shape';

export default defineRule({
  id: 'supabase.branch-delete',
  resource: 'a Supabase preview branch and its database',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Supabase branch, with the database and data that belong to it.',
  suggestion: 'Check the branch with `supabase branches list` first; dump its data if it matters.',
  keywords: SUPABASE_KEYWORDS,
  tools: SUPABASE_TOOLS,
  match: (command) =>
    matchPath(command, SUPABASE_VALUED, [
      ['branches', 'branch'],
      ['delete', 'remove', 'rm'],
    ])
      ? {}
      : undefined,
  examples: {
    match: [{ line: 'supabase branches delete feature-x', decision: 'ask' }, 'supabase branches delete br_123 --project-ref abc'],
    noMatch: ['supabase branches list', 'supabase branches create feature-x', 'supabase branches get feature-x'],
  },
});
