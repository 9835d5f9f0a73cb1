import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const OP_VALUED = ['--vault', '--account', '--format', '--session', '--config', '--cache', '--encoding'];
const OBJECTS = ['item', 'items', 'document', 'documents', 'vault', 'vaults', 'user', 'users', 'group', 'groups', 'connect', 'service-account'];

export default defineRule({
  id: 'secrets.onepassword-delete',
  resource: '1Password items, documents, vaults, users or groups',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes 1Password data: an item or document (the credential in it), a whole vault, or a user or group with their access.',
  suggestion: 'Archive instead where you can (`--archive` keeps a recoverable copy), and check the account (`op whoami`).',
  tools: ['op'],
  match: (command) => {
    const words = matchPath(command, OP_VALUED, [OBJECTS, ['delete', 'remove', 'rm']], ['connect', '*', ['delete', 'remove', 'rm']]);
    if (!words) return undefined;
    if (words[0]!.startsWith('vault')) return { severity: 'critical', resource: 'a 1Password vault and every item in it' };
    return hasOption(command.argv, '--archive')
      ? { severity: 'medium', reason: 'Moves 1Password data to the archive (recoverable from there).' }
      : { resource: `a 1Password ${words[0]!.replace(/s$/, '')}` };
  },
  examples: {
    match: [
      { line: 'op item delete "Database Password"', decision: 'ask' },
      'op item delete --archive "Legacy Token"',
      'op document delete "Prod Cert"',
      { line: 'op vault delete Engineering', decision: 'ask' },
      'op user delete user@example.com',
      'op group delete grp_12345',
    ],
    noMatch: [
      'op whoami',
      'op item get "Database Password"',
      { line: 'op item list --vault Engineering', decision: 'allow' },
      'op vault list',
      'op read op://vault/item/field',
    ],
  },
});
