import { defineRule } from '../../rule';
import { targetsOf } from './paths';

export default defineRule({
  id: 'filesystem.shred',
  resource: 'the files, overwritten beyond recovery',
  severity: 'high',
  decision: 'ask',
  reason: 'Overwrites files so that not even recovery tools can bring them back.',
  suggestion: 'Delete normally, or move the files aside, unless destroying them for good is the point.',
  tools: ['shred', 'srm', 'wipe'],
  match(command) {
    const targets = targetsOf(command.argv.slice(1));
    if (targets.length === 0) return undefined;
    const device = targets.find((t) => t.startsWith('/dev/') && !/^\/dev\/(null|zero|u?random|stdin|stdout|stderr|fd\/)/.test(t));
    return device
      ? { decision: 'deny', severity: 'critical', reason: `${command.argv[0]} would overwrite the whole device ${device}.` }
      : { reason: `${command.argv[0]} would destroy ${targets.join(', ')} beyond recovery.` };
  },
  examples: {
    match: [{ line: 'shred -u secrets.txt', decision: 'ask' }, 'shred -n 3 -z /dev/sda', 'srm -r old/'],
    noMatch: ['shred --help', 'echo shred', 'man shred'],
  },
});
