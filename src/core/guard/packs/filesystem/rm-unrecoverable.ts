import { defineRule } from '../../rule';
import { isRecursiveRm, isRoutineDeletePath, targetsOf } from './paths';
import { unrecoverable } from './recovery';

/** Tools that delete single files, with the options that take a value. */
const DELETERS: Record<string, readonly string[]> = {
  rm: [],
  unlink: [],
  'remove-item': ['-path', '-literalpath', '-filter', '-include', '-exclude'],
  ri: ['-path', '-literalpath', '-filter'],
  del: [],
  erase: [],
};

/** The files a delete names: cmd's `/x` switches dropped, PowerShell's `-Path X` values kept. */
function targetsFor(tool: string, args: readonly string[], lower: readonly string[], valued: readonly string[]): string[] {
  if (tool === 'del' || tool === 'erase') return args.filter((a) => !/^\/[a-z]$/i.test(a));
  if (tool === 'remove-item' || tool === 'ri') {
    const out: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (valued.includes(lower[i]!)) {
        if (lower[i] === '-path' || lower[i] === '-literalpath') out.push(args[i + 1] ?? '');
        i++;
        continue;
      }
      if (!args[i]!.startsWith('-')) out.push(args[i]!);
    }
    return out.filter(Boolean);
  }
  return targetsOf(args);
}

const MAX_CHECKED = 64;

/** Run-time words: only known when the line runs (globs are expanded by the git-state reader). */
const EXPANDS = /[$`{]/;

/**
 * Deleting single files git cannot bring back: untracked or ignored files, files outside any
 * repository, and tracked files with changes not yet committed. Tracked files whose content git
 * has, empty files, symlinks and files that do not exist lose nothing and pass; so do temp and
 * build folders. Recursive deletes are `filesystem.rm-recursive`'s.
 */
export default defineRule({
  id: 'filesystem.rm-unrecoverable',
  resource: 'files that exist nowhere else',
  severity: 'medium',
  decision: 'ask',
  reason: 'Deletes files git cannot bring back (untracked, ignored, outside any repository, or with uncommitted changes); rm does not use a trash can.',
  suggestion: 'Move them aside (`mv FILE FILE.bak`) or commit them first; `git status --ignored` shows what git has.',
  tools: ['rm', 'unlink', 'Remove-Item', 'remove-item', 'ri', 'del', 'erase'],
  match(command, context) {
    const [rawTool, ...args] = command.argv;
    const tool = rawTool!.toLowerCase();
    const valued = DELETERS[tool];
    if (!valued) return undefined;
    if (tool === 'rm' && isRecursiveRm(args)) return undefined;
    const lower = args.map((a) => a.toLowerCase());
    if ((tool === 'remove-item' || tool === 'ri') && lower.some((a) => /^-rec/.test(a) || a === '-r' || a === '-whatif')) return undefined;
    if ((tool === 'del' || tool === 'erase') && lower.some((a) => a === '/s' || a === '/?')) return undefined;
    if (args.includes('--help') || args.includes('--version')) return undefined;
    const targets = targetsFor(tool, args, lower, valued);
    const lost: string[] = [];
    // Each file costs a few stats: past this many, Airlock does not look them all up, it asks.
    if (targets.length > MAX_CHECKED)
      return { reason: `${rawTool} deletes ${targets.length} files; Airlock looks up at most ${MAX_CHECKED} in git, so it cannot vouch for them.` };
    for (const target of targets) {
      if (isRoutineDeletePath(target, command.cwd, context.routineDeletePaths)) continue;
      if (EXPANDS.test(target)) {
        lost.push(`${target} (only known when the line runs)`);
        continue;
      }
      const why = unrecoverable(target, command.cwd, context);
      if (why) lost.push(why);
    }
    if (lost.length === 0) return undefined;
    return {
      reason: `${rawTool} deletes what git cannot bring back: ${lost.slice(0, 3).join('; ')}${lost.length > 3 ? `; and ${lost.length - 3} more` : ''}.`,
    };
  },
  examples: {
    match: [
      { line: 'cd repos/files && rm notes.txt', decision: 'ask', severity: 'medium' },
      { line: 'rm -f repos/files/data/users.csv', decision: 'ask' },
      { line: 'rm repos/files/src/app.ts', decision: 'ask' },
      'cd repos/files && Remove-Item notes.txt',
      'unlink repos/files/notes.txt',
      'rm -f repos/files/*.txt',
      'rm "$OUT"',
    ],
    noMatch: [
      { line: 'rm repos/files/README.md', decision: 'allow' },
      { line: 'cd repos/files && rm -f src/util.ts empty.txt', decision: 'allow' },
      { line: 'rm repos/files/no-such-file.txt', decision: 'allow' },
      { line: 'rm repos/files/debug.log', decision: 'allow' },
      { line: 'rm -f /tmp/airlock-scratch.txt', decision: 'allow' },
      'rm -rf repos/files/data',
      { line: 'rm -f repos/files/*.o', decision: 'allow' },
    ],
  },
});
