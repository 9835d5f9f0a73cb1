import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { RAILWAY_DELETE, RAILWAY_KEYWORDS, RAILWAY_TOOLS, RAILWAY_VALUED } from './shape';

/** Everything else the CLI can delete; volumes, environments and projects have their own rules. */
const RESOURCES = ['service', 'services', 'bucket', 'buckets', 'backup', 'backups', 'variables', 'variable', 'domain', 'domains', 'function', 'functions'];

export default defineRule({
  id: 'railway.resource-delete',
  resource: 'a Railway service, bucket, backup, variable or domain',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Railway resource (a service, storage bucket, backup, variable or domain); what was in it cannot be brought back.',
  suggestion: 'Check the target environment first (`railway status`); for buckets and backups, copy what you need elsewhere.',
  keywords: RAILWAY_KEYWORDS,
  tools: RAILWAY_TOOLS,
  match: (command) => {
    const words = matchPath(command, RAILWAY_VALUED, [RESOURCES, RAILWAY_DELETE]);
    return words ? { resource: `a Railway ${words[0]!.replace(/s$/, '')}` } : undefined;
  },
  examples: {
    match: [
      { line: 'railway service delete api', decision: 'ask' },
      'railway bucket delete uploads',
      'railway backup delete b-123',
      'railway variables delete API_KEY',
    ],
    noMatch: ['railway service', 'railway variables', 'railway variables --set FOO=1', 'railway bucket list', 'railway volume delete'],
  },
});
