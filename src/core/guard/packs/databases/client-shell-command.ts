import { defineRule } from '../../rule';
import { nestedVerdict } from '../cli-words';
import { SQL_CLIENT_TOOLS } from './clients';
import { clientScripts } from './scripts';

/** Each shell command is a nested check; past this many, ask instead of checking them all. */
const MAX_CHECKED = 32;

export default defineRule({
  id: 'databases.client-shell-command',
  resource: 'whatever the shell command destroys',
  severity: 'high',
  decision: 'ask',
  reason: 'A database script runs a shell command that Airlock guards.',
  tools: SQL_CLIENT_TOOLS,
  match: (command, context) => {
    const lines = clientScripts(command, context)?.shellCommands ?? [];
    if (lines.length > MAX_CHECKED)
      return { reason: `The script runs ${lines.length} shell commands; Airlock checks at most ${MAX_CHECKED} and does not guess about the rest.` };
    for (const line of lines) {
      const verdict = nestedVerdict(context.checkLine(line, command.cwd), `The database client runs the shell command \`${line}\``);
      if (verdict) return verdict;
    }
    return undefined;
  },
  examples: {
    match: [{ line: 'psql -c "\\! rm -rf ~"', decision: 'deny' }, 'sqlite3 app.db ".shell rm -rf /"'],
    noMatch: ['psql -c "\\! ls"', 'psql -c "SELECT 1"'],
  },
});
