// Supabase CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'supabase db reset --linked', 'supabase.db-reset-remote'],
  ['ask', 'npx supabase db reset --linked', 'supabase.db-reset-remote'],
  ['ask', 'supabase db reset --db-url postgresql://postgres:pw@db.abc.supabase.co:5432/postgres', 'supabase.db-reset-remote'],
  ['ask', 'supabase projects delete abcdefghijklmnop', 'supabase.project-delete'],
  ['ask', 'supabase branches delete feature-x', 'supabase.branch-delete'],
  ['ask', 'supabase storage rm -r ss:///avatars --experimental', 'supabase.resource-delete'],
  ['ask', 'supabase functions delete hello', 'supabase.resource-delete'],
  ['ask', 'supabase secrets unset STRIPE_KEY', 'supabase.resource-delete'],
  ['allow', 'supabase db reset'],
  ['allow', 'supabase start'],
  ['allow', 'supabase status'],
  ['allow', 'supabase db dump --linked -f backup.sql'],
  ['allow', 'supabase db diff --linked'],
  ['allow', 'supabase migration new add_users'],
  ['allow', 'supabase functions deploy hello'],
  ['allow', 'supabase projects list'],
  ['allow', 'supabase db reset --linked --help'],
] satisfies Corpus;
