// Supabase CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'npx supabase db reset --linked', 'supabase.db-reset-remote'],
  ['ask', 'supabase db reset --db-url postgresql://postgres:pw@db.abc.supabase.co:5432/postgres', 'supabase.db-reset-remote'],
  ['allow', 'supabase db reset'],
  ['allow', 'supabase start'],
  ['allow', 'supabase status'],
  ['allow', 'supabase db diff --linked'],
  ['allow', 'supabase migration new add_users'],
] satisfies Corpus;
