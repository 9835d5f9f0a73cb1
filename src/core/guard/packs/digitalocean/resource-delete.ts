import { defineRule } from '../../rule';
import { matchLeadingVerb } from '../cli-words';
import databaseDelete from './database-delete';
import kubernetesDelete from './kubernetes-delete';
import { DOCTL_KEYWORDS, DOCTL_TOOLS, DOCTL_VALUED, isDoctlDelete } from './shape';
import volumeDelete from './volume-delete';

/** Rules of this pack that explain their commands better: when one matches, this one stays quiet. */
const SPECIFIC = [databaseDelete, volumeDelete, kubernetesDelete];

export default defineRule({
  id: 'digitalocean.resource-delete',
  resource: 'a DigitalOcean resource (droplet, app, snapshot, bucket key, domain record...)',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a DigitalOcean resource; a deleted droplet, app, snapshot or registry cannot be brought back.',
  suggestion: 'Check the id with the matching `doctl ... list` first, and snapshot droplets you may need.',
  keywords: DOCTL_KEYWORDS,
  tools: DOCTL_TOOLS,
  match: (command, context) => {
    const path = matchLeadingVerb(command, DOCTL_VALUED, isDoctlDelete);
    if (!path || SPECIFIC.some((rule) => rule.match(command, context))) return undefined;
    return { resource: `a DigitalOcean ${path.slice(0, -1).join(' ')}` };
  },
  examples: {
    match: [
      { line: 'doctl compute droplet delete web-1 --force', decision: 'ask' },
      { line: 'doctl apps delete 4f6c71e2', decision: 'ask' },
      'doctl compute snapshot delete 123',
      'doctl registry delete',
      'doctl compute domain records delete example.com 98765',
      { line: 'doctl d p rm 9cc1 pool-a', decision: 'ask' },
      'doctl compute d d web-1',
      'doctl compute droplet d web-1',
    ],
    noMatch: [
      { line: 'doctl compute droplet list', decision: 'allow' },
      { line: 'doctl apps list', decision: 'allow' },
      'doctl compute droplet get web-1',
      'doctl databases delete 9cc1',
      'doctl compute droplet create d --size s-1vcpu-1gb',
      { line: 'doctl compute d c --size s-1vcpu-1gb --image ubuntu-24-04-x64 web', decision: 'allow' },
      { line: 'doctl compute d ls', decision: 'allow' },
    ],
  },
});
