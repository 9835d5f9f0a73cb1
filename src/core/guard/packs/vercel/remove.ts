import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { VERCEL_KEYWORDS, VERCEL_TOOLS, VERCEL_VALUED } from './shape';

export default defineRule({
  id: 'vercel.remove',
  resource: 'Vercel deployments, or a whole project given by name',
  severity: 'high',
  decision: 'ask',
  reason: 'Removes Vercel deployments; given a project name it removes every deployment of that project, production included.',
  suggestion: 'Name one deployment URL rather than a project, and check `vercel ls` first; `--safe` keeps deployments that have an alias.',
  keywords: VERCEL_KEYWORDS,
  tools: VERCEL_TOOLS,
  match: (command) => (matchPath(command, VERCEL_VALUED, [['remove', 'rm']]) ? {} : undefined),
  examples: {
    match: [{ line: 'vercel remove my-app --yes', decision: 'ask' }, { line: 'vercel rm my-app-abc123.vercel.app', decision: 'ask' }, 'vc rm my-app -y'],
    noMatch: [
      'vercel ls',
      { line: 'vercel deploy --prod', decision: 'allow' },
      { line: 'vercel rm --help', decision: 'allow' },
      'vercel inspect my-app.vercel.app',
    ],
  },
});
