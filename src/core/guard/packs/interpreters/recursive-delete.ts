import { defineRule } from '../../rule';
import { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, isDynamic, programOf, relayed } from './program';

/** Each delete is checked like `rm -rf PATH` (a nested check); past this many, ask. */
const MAX_CHECKED = 32;

export default defineRule({
  id: 'interpreters.recursive-delete',
  resource: 'a directory tree and every file in it',
  severity: 'high',
  decision: 'ask',
  reason: 'The program deletes a directory tree.',
  suggestion: 'List what is there first, and delete build or temp folders by name.',
  keywords: INTERPRETER_KEYWORDS,
  tools: INTERPRETER_TOOLS,
  match: (command, context) => {
    const program = programOf(command, context);
    const targets = (program?.effects?.recursiveDeletes ?? []).filter((t) => !(program!.fromFile && isDynamic(t.path)));
    if (targets.length > MAX_CHECKED)
      return { reason: `The code deletes ${targets.length} directory trees; Airlock checks at most ${MAX_CHECKED} and does not guess about the rest.` };
    for (const target of targets) {
      if (isDynamic(target.path)) return { reason: `${target.call} deletes a directory tree whose path is only known when the code runs.` };
      // Judged like `rm -rf PATH`: routine for build and temp folders, denied for / and ~.
      const verdict = relayed(context.checkArgv(['rm', '-rf', target.path], command.cwd), `${target.call} deletes ${target.path} like rm -rf`);
      if (verdict) return verdict;
    }
    return undefined;
  },
  examples: {
    match: [
      `python -c "import shutil; shutil.rmtree('/home/user')"`,
      `python3 -c 'import shutil,sys; shutil.rmtree(sys.argv[1])' /srv/data`,
      `node -e "require('fs').rmSync('/srv/app', {recursive: true, force: true})"`,
      `ruby -e "require 'fileutils'; FileUtils.rm_rf('/var/lib/app')"`,
      `perl -MFile::Path -e 'rmtree("/srv/data")'`,
      `python3 - <<'EOF'\nimport shutil\nshutil.rmtree("/")\nEOF`,
    ],
    noMatch: [
      `python -c "print('shutil.rmtree(/)')"`,
      `node -e "require('fs').rmSync('dist', {recursive: true, force: true})"`,
      `node -e "console.log('rmSync recursive')"`,
      `python -c "import shutil; shutil.copytree('a', 'b')"`,
      `node -e "require('fs').rmSync('/srv/app/file.txt')"`,
    ],
  },
});
