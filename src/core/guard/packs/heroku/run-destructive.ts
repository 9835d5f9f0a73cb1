import { defineRule } from '../../rule';
import { nestedVerdict } from '../cli-words';
import { runnerCommand } from '../nested-commands';
import { HEROKU_KEYWORDS, HEROKU_TOOLS } from './shape';

const RUN_VALUED = ['-a', '--app', '-r', '--remote', '-s', '--size', '-e', '--env', '--type'];
const RUN_SWITCHES = ['-x', '--exit-code', '--no-tty', '--no-notify', '--no-launcher'];

/** The Heroku CLI takes its own options anywhere on a `run` line (`heroku run bash -a app`): they are not part of the command. */
function withoutHerokuOptions(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') return [...out, ...words.slice(i + 1)];
    if (RUN_VALUED.includes(word)) i++;
    else if (!RUN_SWITCHES.includes(word) && !RUN_VALUED.some((v) => v.startsWith('--') && word.startsWith(`${v}=`))) out.push(word);
  }
  return out;
}

/** `heroku run CMD` runs CMD on a one-off dyno of the app, against its production add-ons. */
export default defineRule({
  id: 'heroku.run-destructive',
  resource: 'what the command destroys, on a dyno of the Heroku app',
  severity: 'high',
  decision: 'ask',
  reason: "Runs a destructive command on a Heroku dyno, with the app's own database and credentials.",
  suggestion: 'Check the app (`-a`) and capture a database backup first (`heroku pg:backups:capture`).',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command, context) => {
    const run = runnerCommand(command, ['run', 'run:detached', 'run:inside'], RUN_VALUED);
    if (!run) return undefined;
    const inner = withoutHerokuOptions(run);
    // The dyno hands the words to a shell, so one quoted string is a whole command line.
    return inner.length ? nestedVerdict(context.checkLine(inner.join(' '), '/app'), 'On a Heroku dyno') : undefined;
  },
  examples: {
    match: ['heroku run rm -rf /app/storage -a my-app', "heroku run -a my-app 'rm -rf /app/storage'"],
    noMatch: [
      { line: 'heroku run rails console -a my-app', decision: 'allow' },
      'heroku run bash',
      { line: 'heroku run bash -a my-app', decision: 'allow' },
      'heroku ps',
      'heroku run --help',
    ],
  },
});
