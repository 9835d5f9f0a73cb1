import { defineRule } from '../../rule';
import { nestedVerdict } from '../cli-words';
import { runnerCommand } from '../nested-commands';
import { RAILWAY_KEYWORDS, RAILWAY_TOOLS, RAILWAY_VALUED } from './shape';

/**
 * `railway run CMD` runs CMD on this machine with the Railway environment's variables: a
 * migration reset or a database drop there lands on that environment's database.
 */
export default defineRule({
  id: 'railway.run-destructive',
  resource: 'what the command destroys, in the Railway environment whose variables it gets',
  severity: 'high',
  decision: 'ask',
  reason: "Runs a destructive command with a Railway environment's variables (its DATABASE_URL, its tokens).",
  suggestion: 'Check which environment is linked (`railway status`), and pass `--environment` explicitly.',
  keywords: RAILWAY_KEYWORDS,
  tools: RAILWAY_TOOLS,
  match: (command, context) => {
    const inner = runnerCommand(command, ['run', 'local'], RAILWAY_VALUED);
    return inner?.length ? nestedVerdict(context.checkArgv(inner, command.cwd), 'With Railway environment variables') : undefined;
  },
  examples: {
    match: ['railway run rm -rf /var/lib/app', 'railway run -e production -- rm -rf /var/lib/app'],
    noMatch: [
      { line: 'railway run npm start', decision: 'allow' },
      'railway run -e production node -e "console.log(process.version)"',
      'railway up',
      'railway run --help',
    ],
  },
});
