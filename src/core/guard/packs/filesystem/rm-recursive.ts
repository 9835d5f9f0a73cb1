import { defineRule } from '../../rule';
import { findMatchName, isCatastrophicTarget, isRecursiveRm, isRoutineDeletePath, startsWithUnknownVariable, targetsOf } from './paths';

export default defineRule({
  id: 'filesystem.rm-recursive',
  resource: 'a folder and everything in it',
  severity: 'high',
  decision: 'ask',
  reason: 'Recursively deletes files outside temp and build folders; they do not go to a trash can.',
  suggestion: 'Move it aside first (mv DIR DIR.bak), or list what would go with `find DIR | head`.',
  tools: ['rm', 'rimraf', 'del'],
  match(command, context) {
    const [tool, ...args] = command.argv;
    if (tool === 'rm' && !isRecursiveRm(args)) return undefined;
    // `del /?`, `del /s /q x`: cmd's own del (help, or windows-recursive-delete's), not the del-cli package.
    if (tool === 'del' && args.some((a) => /^\/[a-z?]$/i.test(a))) return undefined;
    const targets = targetsOf(args);
    if (targets.length === 0) return undefined;
    const findName = command.via.includes('find -exec') ? findMatchName(command.segment) : undefined;
    const risky = targets.filter(
      (t) =>
        !isCatastrophicTarget(t, command.cwd) && !startsWithUnknownVariable(t) && !isRoutineDeletePath(t, command.cwd, context.routineDeletePaths, findName),
    );
    if (risky.length === 0) return undefined;
    return {
      reason: `${tool} would recursively delete ${risky.slice(0, 3).join(', ')}${risky.length > 3 ? ` and ${risky.length - 3} more` : ''}, outside temp and build folders.`,
    };
  },
  examples: {
    match: [
      { line: 'rm -rf src', decision: 'ask' },
      { line: 'rm -r docs', decision: 'ask' },
      'rm -rf ./build/../src',
      { line: 'rm -rf *', decision: 'ask' },
      { line: 'rm -rf .', decision: 'ask' },
      'find . -name "*.bak" | xargs rm -rf',
      { line: 'npx rimraf data', decision: 'ask' },
      'cd /etc && rm -rf nginx',
      { line: 'find . -name src -type d -exec rm -rf {} +', decision: 'ask' },
      'find . -name __pycache__ -o -name src -exec rm -rf {} +',
    ],
    noMatch: [
      { line: 'rm -rf node_modules', decision: 'allow' },
      'rm -rf dist build',
      'rm -rf /tmp/x',
      { line: 'rm -f file.txt', decision: 'allow' },
      { line: 'rm file.txt', decision: 'allow' },
      'rm -rf $TMPDIR/cache',
      { line: 'npx rimraf dist', decision: 'allow' },
      { line: 'find . -name __pycache__ -type d -prune -exec rm -rf {} +', decision: 'allow' },
      { line: "find services -name node_modules -prune -exec rm -rf '{}' +", decision: 'allow' },
      { line: 'del /?', decision: 'allow' },
    ],
  },
});
