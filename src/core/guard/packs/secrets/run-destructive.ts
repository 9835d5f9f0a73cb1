import { defineRule } from '../../rule';
import { nestedVerdict } from '../cli-words';
import { runnerCommand } from '../nested-commands';

/** Options of `doppler run` and `op run` that take a value. */
const RUN_VALUED = [
  '-p',
  '--project',
  '-c',
  '--config',
  '--token',
  '--scope',
  '--command',
  '--name-transformer',
  '--mount',
  '--mount-format',
  '--env-file',
  '--account',
  '--session',
];
const WHOSE: Record<string, string> = { doppler: "a Doppler config's secrets", op: 'secrets from 1Password' };

/**
 * `doppler run -- CMD` and `op run -- CMD` run CMD with an environment's secrets: a reset
 * there hits the database those secrets point at.
 */
export default defineRule({
  id: 'secrets.run-destructive',
  resource: 'what the command destroys, in the environment whose secrets it gets',
  severity: 'high',
  decision: 'ask',
  reason: "Runs a destructive command with a secret manager's secrets (a production DATABASE_URL, its tokens).",
  suggestion: 'Check which config or vault it reads (`doppler configure`, the env file), and name it explicitly.',
  tools: ['doppler', 'op'],
  match: (command, context) => {
    const inner = runnerCommand(command, ['run'], RUN_VALUED);
    return inner?.length ? nestedVerdict(context.checkArgv(inner, command.cwd), `With ${WHOSE[command.argv[0]!]}`) : undefined;
  },
  examples: {
    match: ['doppler run --config prd -- rm -rf /var/lib/app', 'op run --env-file prod.env -- rm -rf /var/lib/app'],
    noMatch: [
      { line: 'doppler run -- npm start', decision: 'allow' },
      'doppler run -- printenv DATABASE_URL',
      { line: 'op run --env-file .env -- npm test', decision: 'allow' },
      'doppler secrets',
    ],
  },
});
