import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { RAILWAY_DELETE, RAILWAY_KEYWORDS, RAILWAY_TOOLS, RAILWAY_VALUED } from './shape';

/** The action of the PocketOS incident: one volume delete took the data and the backups kept on it. */
export default defineRule({
  id: 'railway.volume-delete',
  resource: 'a Railway volume and every byte on it, including any backups stored inside it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Railway volume. Every environment that mounts it loses its data, and backups kept on the same volume go with it.',
  suggestion: 'Check which environments mount this volume (`railway volume list`) and take a backup stored elsewhere first.',
  keywords: RAILWAY_KEYWORDS,
  tools: RAILWAY_TOOLS,
  match: (command) => (matchPath(command, RAILWAY_VALUED, [['volume', 'volumes'], RAILWAY_DELETE]) ? {} : undefined),
  examples: {
    match: [
      'railway volume delete --volume data --yes',
      'railway volume rm -v pg-data',
      'railway volume -s api -e production delete --volume data',
      'railway volume remove',
      { line: 'npx @railway/cli volume delete --volume data --yes', decision: 'ask' },
    ],
    noMatch: [
      'railway volume list',
      'railway volume add --mount-path /data',
      { line: 'railway volume delete --help', decision: 'allow' },
      'railway volume detach --volume data',
      'railway variables',
    ],
  },
});
