import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { SUPABASE_KEYWORDS, SUPABASE_TOOLS, SUPABASE_VALUED } from './shape';

/** Without --linked or --db-url, `supabase db reset` rebuilds the local development database: routine, allowed. */
export default defineRule({
  id: 'supabase.db-reset-remote',
  resource: 'every table and row of a hosted Supabase Postgres database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Resets a hosted Supabase database (--linked or --db-url): all schemas and data are dropped and rebuilt from local migrations.',
  suggestion: 'Dump it first (`supabase db dump --linked -f backup.sql --data-only`); to reset the local database, run `supabase db reset` without --linked.',
  keywords: SUPABASE_KEYWORDS,
  tools: SUPABASE_TOOLS,
  match: (command) => (matchPath(command, SUPABASE_VALUED, ['db', 'reset']) && hasOption(command.argv, '--linked', '--db-url') ? {} : undefined),
  examples: {
    match: [
      { line: 'supabase db reset --linked', decision: 'ask' },
      'supabase db reset --db-url postgresql://postgres:pw@db.example.co:5432/postgres',
      'supabase db reset --linked --debug',
    ],
    noMatch: [
      'supabase db reset',
      'supabase db reset --local',
      { line: 'supabase db dump --linked -f backup.sql', decision: 'allow' },
      { line: 'supabase db reset --linked --help', decision: 'allow' },
    ],
  },
});
