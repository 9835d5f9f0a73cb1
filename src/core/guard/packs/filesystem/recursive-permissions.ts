import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { isCatastrophicTarget, targetsOf } from './paths';

export default defineRule({
  id: 'filesystem.recursive-permissions',
  resource: 'the permissions of every file on the system or in a home folder',
  severity: 'critical',
  decision: 'deny',
  reason: 'Recursively changing owner or permissions of the root, a home folder or a system folder breaks sudo, ssh and the system itself; there is no undo.',
  suggestion: 'Change the specific folder you mean, by its full path.',
  tools: ['chmod', 'chown', 'chgrp'],
  match(command) {
    const [tool, ...args] = command.argv;
    if (!hasFlag(args, '-R', '--recursive')) return undefined;
    // The first operand is the mode or owner; the rest are the files.
    const files = targetsOf(args).slice(args.some((a) => a.startsWith('--reference')) ? 0 : 1);
    const target = files.find((t) => isCatastrophicTarget(t, command.cwd));
    return target
      ? { reason: `${tool} -R would change every file under ${target}: the system (sudo, ssh, services) stops working and there is no undo.` }
      : undefined;
  },
  examples: {
    match: [{ line: 'chmod -R 777 /', decision: 'deny' }, 'sudo chown -R nobody:nogroup /etc', 'chmod -R 000 ~', 'chgrp -R staff /usr'],
    noMatch: ['chmod -R 755 ./public', 'chown -R node:node /app/data', { line: 'chmod +x script.sh', decision: 'allow' }, 'chmod 644 /etc/hosts'],
  },
});
