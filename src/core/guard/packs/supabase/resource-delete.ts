import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { SUPABASE_KEYWORDS, SUPABASE_TOOLS, SUPABASE_VALUED } from './shape';

export default defineRule({
  id: 'supabase.resource-delete',
  resource: 'Supabase storage objects, edge functions, secrets or domains',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes Supabase storage objects, an edge function, secrets or a custom domain of a hosted project.',
  suggestion: 'List first (`supabase storage ls`, `supabase functions list`, `supabase secrets list`) and copy what you need.',
  keywords: SUPABASE_KEYWORDS,
  tools: SUPABASE_TOOLS,
  match: (command) => {
    const words = matchPath(
      command,
      SUPABASE_VALUED,
      ['storage', 'rm'],
      ['functions', 'delete'],
      ['secrets', 'unset'],
      [['domains', 'vanity-subdomains'], 'delete'],
      ['sso', 'remove'],
    );
    if (!words) return undefined;
    if (words[0] === 'storage') {
      return hasFlag(command.argv.slice(1), '-r', '--recursive')
        ? { severity: 'critical', resource: 'every object under a Supabase storage path' }
        : { resource: 'Supabase storage objects' };
    }
    return { severity: 'medium', resource: `a Supabase ${words[0]} entry` };
  },
  examples: {
    match: [
      'supabase storage rm ss:///avatars/a.png --experimental',
      { line: 'supabase storage rm -r ss:///avatars --experimental', decision: 'ask' },
      { line: 'supabase functions delete hello', decision: 'ask' },
      { line: 'supabase secrets unset STRIPE_KEY', decision: 'ask' },
    ],
    noMatch: [
      'supabase storage ls ss:///avatars --experimental',
      { line: 'supabase functions deploy hello', decision: 'allow' },
      'supabase secrets list',
      'supabase secrets set A=b',
    ],
  },
});
