import { positionals } from '../../../argv';
import { defineRule } from '../../rule';

/**
 * How in-place editing is spelled: `-i`, `--in-place`, or bundled with sed's other one-letter
 * flags (`-Ei`, `-ni`, `-ri`…). Listed rather than read from any bundle, so the rule's keywords can
 * name every form it matches and plain `sed -n 1,20p FILE` stays on the fast path.
 */
const SED_IN_PLACE = ['-i', ...['e', 'n', 'r', 's', 'u', 'z'].flatMap((f) => [`-${f}i`, `-i${f}`])];

/** sed scripts that leave nothing: delete every line, or replace every line's whole text with nothing. */
const SED_BLANKS = /^\s*(?:1\s*,\s*\$\s*)?d\s*$|^\s*s(.)\^?\.\*\$?\1\1[gI]*\s*$/;
/** perl -p/-n code that blanks every line. */
const PERL_BLANKS = /^\s*(?:s(.)\^?\.\*\$?\1\1[gsm]*|\$_\s*=\s*(?:''|""|q\(\))|undef\s+\$_)\s*;?\s*$/;

/**
 * In-place edits that leave the files empty: `sed -i d FILE…`, sed or `perl -pi -e` substituting
 * every line's whole text with nothing. The files are rewritten at once, with no backup unless `-i.bak`.
 */
export default defineRule({
  id: 'filesystem.inplace-blank',
  resource: 'the contents of every file the edit names',
  severity: 'high',
  decision: 'ask',
  reason: 'Edits files in place with a script that blanks every line: their contents are gone, with no backup.',
  suggestion: 'Keep a backup (`sed -i.bak …`), or try the script without -i and read the output first.',
  keywords: [...SED_IN_PLACE, '--in-place', 'perl'],
  tools: ['sed', 'gsed', 'perl'],
  match(command) {
    const [tool, ...args] = command.argv;
    const backup = args.some((a) => /^(-i|--in-place=)\S/.test(a) && !/^-i[a-zA-Z]*$/.test(a) && a !== '-i');
    if (tool === 'perl') {
      if (!args.some((a) => /^-[a-zA-Z]*i/.test(a)) || backup) return undefined;
      const at = args.findIndex((a) => /^-[a-zA-Z]*e$/.test(a));
      const code = at >= 0 ? args[at + 1] : undefined;
      const files = at >= 0 ? args.slice(at + 2).filter((a) => !a.startsWith('-')) : [];
      if (code === undefined || files.length === 0) return undefined;
      const printsNothing = args.some((a) => /^-[a-zA-Z]*n/.test(a)) && !args.some((a) => /^-[a-zA-Z]*p/.test(a)) && !/print|say/.test(code);
      return PERL_BLANKS.test(code) || printsNothing ? { reason: `perl -i rewrites ${files.join(', ')} with every line blanked.` } : undefined;
    }
    if (!args.some((a) => SED_IN_PLACE.includes(a.toLowerCase()) || a === '--in-place') || backup) return undefined;
    const words = positionals(args, ['-e', '--expression', '-f', '--file', '-l', '--line-length']);
    const scripts = args.flatMap((a, i) => (a === '-e' || a === '--expression' ? [args[i + 1] ?? ''] : []));
    const [script, ...files] = scripts.length ? ['', ...words] : words;
    const code = scripts.length ? scripts : [script ?? ''];
    if (files.length === 0 || !code.some((c) => SED_BLANKS.test(c))) return undefined;
    return { reason: `${tool} -i rewrites ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''} with every line blanked.` };
  },
  examples: {
    match: [
      { line: "sed -i 's/.*//' *.sql", decision: 'ask' },
      'sed -i d src/app.ts src/util.ts',
      "sed -i -e '1,$d' notes.md",
      { line: "perl -pi -e 's/.*//' src/*.py", decision: 'ask' },
      "perl -i -ne '' config/*.yml",
    ],
    noMatch: [
      { line: "sed -i 's/foo/bar/g' src/app.ts", decision: 'allow' },
      { line: "sed 's/.*//' notes.md", decision: 'allow' },
      { line: "sed -i.bak 's/.*//' notes.md", decision: 'allow' },
      { line: "perl -pi -e 's/foo/bar/' src/*.py", decision: 'allow' },
      "sed -i '/^#/d' config.ini",
    ],
  },
});
