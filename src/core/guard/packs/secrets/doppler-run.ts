import { defineRule } from '../../rule';
import { asksForHelp, innerCommand, nestedVerdict, readings } from '../cli-words';

const RUN_VALUED = ['-p', '--project', '-c', '--config', '--token', '--scope', '--command', '--name-transformer', '--mount', '--mount-format'];

/** `doppler run -- CMD` runs CMD with a Doppler config's secrets: a reset there hits that environment's database. */
export default defineRule({
  id: 'secrets.doppler-run',
  resource: 'what the command destroys, in the environment whose secrets it gets',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs a destructive command with a Doppler config\'s secrets (its DATABASE_URL, its tokens).',
  suggestion: 'Check which config it uses (`doppler configure`), and pass `--config` explicitly.',
  keywords: ['doppler'],
  tools: ['doppler'],
  match: (command, context) => {
    const args = command.argv.slice(1);
    const at = args.indexOf('run');
    if (at < 0 || readings(args.slice(0, at), RUN_VALUED)[0]!.length > 0 || asksForHelp(args.slice(0, at))) return undefined;
    const inner = innerCommand(args, at, RUN_VALUED);
    return inner.length ? nestedVerdict(context.checkArgv(inner, command.cwd), 'With Doppler secrets') : undefined;
  },
  examples: {
    match: ['doppler run --config prd -- rm -rf /var/lib/app'],
    noMatch: ['doppler run -- npm start', 'doppler run -- printenv DATABASE_URL', 'doppler secrets'],
  },
});
