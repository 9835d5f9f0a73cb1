import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { VERCEL_KEYWORDS, VERCEL_REMOVE, VERCEL_TOOLS, VERCEL_VALUED } from './shape';

export default defineRule({
  id: 'vercel.project-remove',
  resource: 'a Vercel project with all its deployments, domains and settings',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Vercel project: every deployment, its domains, environment variables and settings.',
  suggestion: 'Pull its environment variables first (`vercel env pull`) and check the project name with `vercel project ls`.',
  keywords: VERCEL_KEYWORDS,
  tools: VERCEL_TOOLS,
  match: (command) => (matchPath(command, VERCEL_VALUED, [['project', 'projects'], VERCEL_REMOVE]) ? {} : undefined),
  examples: {
    match: [{ line: 'vercel project rm my-app', decision: 'ask' }, 'vercel projects remove my-app'],
    noMatch: ['vercel project ls', 'vercel project add my-app', 'vercel project inspect my-app'],
  },
});
