import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { VERCEL_KEYWORDS, VERCEL_REMOVE, VERCEL_TOOLS, VERCEL_VALUED } from './shape';

export default defineRule({
  id: 'vercel.env-remove',
  resource: 'an environment variable of a Vercel project',
  severity: 'medium',
  decision: 'ask',
  reason: 'Removes an environment variable from a Vercel project; the next deployment runs without it and its value is not kept.',
  suggestion: 'Pull the current values first (`vercel env pull .env.backup`, kept out of the repository).',
  keywords: VERCEL_KEYWORDS,
  tools: VERCEL_TOOLS,
  match: (command) => (matchPath(command, VERCEL_VALUED, ['env', VERCEL_REMOVE]) ? {} : undefined),
  examples: {
    match: ['vercel env rm DATABASE_URL production', 'vercel env remove API_KEY --yes'],
    noMatch: [{ line: 'vercel env ls', decision: 'allow' }, { line: 'vercel env pull .env.local', decision: 'allow' }, 'vercel env add API_KEY production'],
  },
});
