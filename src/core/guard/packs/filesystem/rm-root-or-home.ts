import { defineRule } from '../../rule';
import { isCatastrophicTarget, isRecursiveRm, targetsOf } from './paths';

export default defineRule({
  id: 'filesystem.rm-root-or-home',
  resource: 'the whole disk, a home folder or a system folder',
  severity: 'critical',
  decision: 'deny',
  reason: 'Recursively deleting the root, a home folder or a system folder destroys the machine and everything on it.',
  suggestion: 'Delete the specific folder you mean, by its full path.',
  tools: ['rm'],
  match(command) {
    const args = command.argv.slice(1);
    if (!isRecursiveRm(args)) return undefined;
    const target = targetsOf(args).find((t) => isCatastrophicTarget(t, command.cwd));
    return target ? { reason: `rm -r would delete ${target === '/' ? 'the entire filesystem' : target} recursively: nothing on it survives.` } : undefined;
  },
  examples: {
    match: [
      'rm -rf /',
      { line: 'rm -rf ~', decision: 'deny' },
      { line: 'rm -rf $HOME', decision: 'deny' },
      'sudo rm -rf / --no-preserve-root',
      'rm -fr /*',
      'rm -r -f /etc',
      'rm --recursive --force /usr',
      { line: 'rm -rf ~/', decision: 'deny' },
      'bash -c "rm -rf /"',
    ],
    noMatch: [
      { line: 'rm -rf /tmp/build', decision: 'allow' },
      'rm -rf ~/project/node_modules',
      'rm /etc/hosts.bak',
      { line: 'echo rm -rf /', decision: 'allow' },
      { line: 'rm -rf ./build', decision: 'allow' },
    ],
  },
});
