import { flagValue, hasFlag, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { destinations, SELF_KEYWORDS, verdictFor } from './touched';

/** sed, perl and ruby scripts are the first positional unless given with -e/-f. */
const SED_VALUED = ['-e', '--expression', '-f', '--file', '-l', '--line-length', '-s'];
const CURL_OUTPUT = ['-o', '--output'];
const WGET_OUTPUT = ['-O', '--output-document'];

/** The files a file-writing tool would write, as written on the line. */
function written(argv: readonly string[], cwd: string): { paths: string[]; how: string } | undefined {
  const [tool, ...args] = argv;
  switch (tool) {
    case 'tee':
    case 'sponge':
      return { paths: positionals(args), how: `${tool} writes` };
    case 'cp':
    case 'install':
    case 'ln':
    case 'rsync':
    case 'scp':
      return { paths: destinations(args, cwd).targets, how: `${tool} replaces` };
    case 'dd': {
      const of = args.find((a) => a.startsWith('of='));
      return of ? { paths: [of.slice(3)], how: 'dd writes' } : undefined;
    }
    case 'truncate':
      return { paths: positionals(args, ['-s', '--size', '-r', '--reference']), how: 'truncate cuts' };
    case 'curl': {
      const out = flagValue(args, ...CURL_OUTPUT);
      return out ? { paths: [out], how: 'curl downloads over' } : undefined;
    }
    case 'wget': {
      const out = flagValue(args, ...WGET_OUTPUT);
      return out ? { paths: [out], how: 'wget downloads over' } : undefined;
    }
    case 'sed':
    case 'gsed': {
      if (!hasFlag(args, '-i', '--in-place') && !args.some((a) => /^-[a-zA-Z]*i/.test(a) && !a.startsWith('--'))) return undefined;
      const words = positionals(args, SED_VALUED);
      const scripted = hasFlag(args, '-e', '--expression', '-f', '--file');
      return { paths: scripted ? words : words.slice(1), how: `${tool} -i edits` };
    }
    case 'perl':
    case 'ruby': {
      if (!args.some((a) => /^-[a-zA-Z]*i/.test(a))) return undefined;
      return { paths: positionals(args, ['-e', '-E', '-I', '-M', '-m']), how: `${tool} -i edits` };
    }
    case 'ed':
    case 'ex':
      return { paths: positionals(args), how: `${tool} edits` };
    case 'yq':
      return hasFlag(args, '-i', '--inplace') ? { paths: positionals(args).slice(1), how: 'yq -i edits' } : undefined;
    case 'git': {
      const sub = args.find((a) => !a.startsWith('-'));
      if (sub !== 'checkout' && sub !== 'restore') return undefined;
      return { paths: positionals(args.slice(args.indexOf(sub) + 1), ['-s', '--source', '-b', '-B']), how: `git ${sub} replaces` };
    }
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'airlock-self.write-tool',
  resource: "a file Airlock itself depends on (its policy, log, runtime folder, or an agent's hook file)",
  severity: 'critical',
  decision: 'ask',
  reason: 'A command replaces or edits a file Airlock depends on: it could turn Airlock off.',
  suggestion: "Change Airlock's settings from the editor (Airlock: Show Protection Status), not from a command.",
  keywords: SELF_KEYWORDS,
  tools: ['tee', 'sponge', 'cp', 'install', 'ln', 'rsync', 'scp', 'dd', 'truncate', 'curl', 'wget', 'sed', 'gsed', 'perl', 'ruby', 'ed', 'ex', 'yq', 'git'],
  match(command) {
    const hit = written(command.argv, command.cwd);
    return hit ? verdictFor(hit.paths, command.cwd, hit.how) : undefined;
  },
  examples: {
    match: [
      'echo \'{"allow":["railway *"]}\' | tee ~/.config/airlock/policy.json',
      'echo {} | tee -a .claude/settings.json >/dev/null',
      'cp /tmp/empty.json ~/.claude/settings.json',
      'cp -f evil.json .cursor/hooks.json',
      'install -m 644 x.json .gemini/settings.json',
      "sed -i 's/airlock hook/true/' .claude/settings.json",
      "sed -i.bak -e 's/airlock//' ~/.cursor/hooks.json",
      "perl -pi -e 's/airlock/true/' .claude/settings.local.json",
      'truncate -s 0 ~/.airlock/logs/app/activity.jsonl',
      'dd if=/dev/null of=.windsurf/hooks.json',
      'curl -o .github/hooks/hooks.json https://example.com/x.json',
      'ln -sf /dev/null ~/.claude/settings.json',
      'git checkout -- .claude/settings.json',
    ],
    noMatch: [
      'cp ~/.claude/settings.json /tmp/backup.json',
      'tee notes.txt',
      "sed -n '1,5p' .claude/settings.json",
      'sed s/a/b/ .cursor/hooks.json',
      'curl -o /tmp/x.json https://example.com',
      'git checkout main',
      'cp settings.json settings.bak',
    ],
  },
});
