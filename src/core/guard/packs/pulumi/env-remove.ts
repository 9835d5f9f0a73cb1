import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const VALUED = ['--org', '-C', '--cwd', '--env', '-e'];

/** Pulumi ESC environments hold configuration and secrets every stack that imports them reads. */
export default defineRule({
  id: 'pulumi.env-remove',
  resource: 'a Pulumi ESC environment and the secrets and configuration in it',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Pulumi ESC environment: every stack and app that imports it loses its configuration and secrets.',
  suggestion: 'Check what imports it (`pulumi env get`) and save its definition (`pulumi env edit --show-secrets` into a file) first.',
  keywords: ['pulumi', 'esc'],
  tools: ['pulumi', 'esc'],
  match: (command) => {
    const words = matchPath(command, VALUED, command.argv[0] === 'esc' ? [['env'], ['rm', 'remove', 'delete']] : [['env'], ['rm', 'remove', 'delete']]);
    if (!words) return undefined;
    // `env rm ENV PATH` removes one value, not the environment.
    return words.length > 3
      ? {
          severity: 'medium',
          resource: `the value ${words[3]} of ${words[2]}`,
          reason: `pulumi env rm removes ${words[3]} from ${words[2]}: stacks that read it lose it.`,
        }
      : {};
  },
  examples: {
    match: [
      { line: 'pulumi env rm myorg/prod', decision: 'ask', severity: 'high' },
      'pulumi env rm myorg/prod --yes',
      'esc env rm myorg/staging',
      { line: 'pulumi env rm myorg/prod aws.secretKey', decision: 'ask', severity: 'medium' },
    ],
    noMatch: [
      { line: 'pulumi env ls', decision: 'allow' },
      { line: 'pulumi env get myorg/prod', decision: 'allow' },
      'pulumi env init myorg/dev',
      'pulumi stack ls',
    ],
  },
});
