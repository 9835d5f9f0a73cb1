import { defineRule } from '../../rule';
import { guardedFileKind } from './guarded-files';
import { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, isDynamic, programOf, relayed } from './program';

/** Deletes checked like `rm PATH` (nested checks); the rest get the cheap file-kind test only. */
const MAX_CHECKED = 32;

export default defineRule({
  id: 'interpreters.file-delete',
  resource: 'a file',
  severity: 'medium',
  decision: 'ask',
  reason: 'The program deletes a system file, a credential file or a database file.',
  suggestion: 'Move the file aside instead of deleting it, or delete it by hand after checking it is the one you mean.',
  keywords: INTERPRETER_KEYWORDS,
  tools: INTERPRETER_TOOLS,
  match: (command, context) => {
    let checked = 0;
    for (const target of programOf(command, context)?.effects?.fileDeletes ?? []) {
      if (isDynamic(target.path)) continue;
      const verdict =
        ++checked > MAX_CHECKED
          ? undefined
          : relayed(
              context.checkArgv(target.force ? ['rm', '-f', target.path] : ['rm', target.path], command.cwd),
              `${target.call} deletes ${target.path} like rm`,
            );
      if (verdict) return verdict;
      const kind = guardedFileKind(target.path);
      if (kind) return { reason: `${target.call} deletes ${target.path}, ${kind}.`, resource: target.path };
    }
    return undefined;
  },
  examples: {
    match: [
      `python3 -c "import os; os.remove('/etc/passwd')"`,
      `node -e "require('fs').unlinkSync(process.env.HOME + '/x') || require('fs').unlinkSync('prod.sqlite3')"`,
      `perl -e 'unlink "/etc/hosts"'`,
    ],
    noMatch: [`python3 -c "import os; os.remove('notes.tmp')"`, `node -e "require('fs').unlinkSync('dist/index.js')"`],
  },
});
