import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { VERCEL_KEYWORDS, VERCEL_REMOVE, VERCEL_TOOLS, VERCEL_VALUED } from './shape';

const RESOURCES = ['domains', 'domain', 'dns', 'certs', 'cert', 'alias', 'aliases', 'blob', 'integration', 'integrations', 'teams', 'team'];

export default defineRule({
  id: 'vercel.resource-remove',
  resource: 'a Vercel domain, DNS record, certificate, alias or blob',
  severity: 'high',
  decision: 'ask',
  reason: 'Removes a Vercel domain, DNS record, certificate, alias or stored blob: sites behind it stop resolving or lose the data.',
  suggestion: 'List what is there first (`vercel domains ls`, `vercel dns ls`, `vercel blob list`).',
  keywords: VERCEL_KEYWORDS,
  tools: VERCEL_TOOLS,
  match: (command) => {
    const words = matchPath(command, VERCEL_VALUED, [RESOURCES, VERCEL_REMOVE], ['blob', 'store', VERCEL_REMOVE]);
    return words ? { resource: `a Vercel ${words[0]} entry` } : undefined;
  },
  examples: {
    match: [
      { line: 'vercel domains rm example.com', decision: 'ask' },
      { line: 'vercel dns rm rec_123', decision: 'ask' },
      'vercel alias rm api.example.com',
      'vercel blob del uploads/a.png',
      'vercel blob store remove store_1',
    ],
    noMatch: ['vercel domains ls', 'vercel dns add example.com www A 1.2.3.4', 'vercel alias set dpl.vercel.app api.example.com', 'vercel blob list'],
  },
});
