import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { DOCTL_DELETE, DOCTL_KEYWORDS, DOCTL_TOOLS, DOCTL_VALUED } from './shape';

export default defineRule({
  id: 'digitalocean.volume-delete',
  resource: 'a DigitalOcean block storage volume and its data',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a DigitalOcean block storage volume and every byte on it.',
  suggestion: 'Snapshot it first (`doctl compute volume snapshot VOLUME_ID --snapshot-name backup`).',
  keywords: DOCTL_KEYWORDS,
  tools: DOCTL_TOOLS,
  match: (command) => (matchPath(command, DOCTL_VALUED, ['compute', ['volume', 'v'], DOCTL_DELETE]) ? {} : undefined),
  examples: {
    match: [{ line: 'doctl compute volume delete 506f78a4 --force', decision: 'ask' }, 'doctl compute volume rm 506f78a4'],
    noMatch: ['doctl compute volume list', 'doctl compute volume create data --size 10GiB', 'doctl compute volume snapshot 506f78a4'],
  },
});
