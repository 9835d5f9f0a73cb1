import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { SUPABASE_KEYWORDS, SUPABASE_TOOLS, SUPABASE_VALUED } from './shape';

export default defineRule({
  id: 'supabase.project-delete',
  resource: 'a Supabase project: its database, storage, auth users and functions',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Supabase project, with its Postgres database, storage buckets, auth users and edge functions.',
  suggestion: 'Dump the database (`supabase db dump`) and copy storage first; pausing the project keeps the data.',
  keywords: SUPABASE_KEYWORDS,
  tools: SUPABASE_TOOLS,
  match: (command) =>
    matchPath(command, SUPABASE_VALUED, [
      ['projects', 'project'],
      ['delete', 'remove', 'rm'],
    ])
      ? {}
      : undefined,
  examples: {
    match: [{ line: 'supabase projects delete abcdefghijklmnop', decision: 'ask' }, 'supabase projects delete --project-ref abcdefghijklmnop'],
    noMatch: [{ line: 'supabase projects list', decision: 'allow' }, 'supabase projects create my-app', 'supabase projects api-keys --project-ref abc'],
  },
});
