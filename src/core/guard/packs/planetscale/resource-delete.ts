import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { PSCALE_DELETE, PSCALE_KEYWORDS, PSCALE_TOOLS, PSCALE_VALUED } from './shape';

export default defineRule({
  id: 'planetscale.resource-delete',
  resource: 'a PlanetScale backup, password, keyspace or service token',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a PlanetScale backup (a restore point), a keyspace (its tables), or a password or service token that applications use to connect.',
  suggestion: 'List them first (`pscale backup list`, `pscale password list`) and make sure nothing depends on it.',
  keywords: PSCALE_KEYWORDS,
  tools: PSCALE_TOOLS,
  match: (command) => {
    const words = matchPath(command, PSCALE_VALUED, [['backup', 'backups', 'password', 'passwords', 'keyspace', 'service-token', 'role'], PSCALE_DELETE]);
    return words ? { resource: `a PlanetScale ${words[0]!.replace(/s$/, '')}` } : undefined;
  },
  examples: {
    match: [
      { line: 'pscale backup delete shop main bk_123', decision: 'ask' },
      { line: 'pscale password delete shop main pw_1 --force', decision: 'ask' },
      'pscale keyspace delete shop main ks',
    ],
    noMatch: ['pscale backup list shop main', 'pscale backup create shop main', 'pscale password create shop main app'],
  },
});
