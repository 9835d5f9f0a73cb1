import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const DOPPLER_VALUED = ['-p', '--project', '-c', '--config', '--token', '--scope', '--api-host', '--configuration', '--format'];

export default defineRule({
  id: 'secrets.doppler-delete',
  resource: 'Doppler secrets, configs, environments or projects',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes Doppler secrets, or a config, environment or project with every secret in it; apps reading them break.',
  suggestion: 'Download the current values first (`doppler secrets download --no-file`), kept out of the repository.',
  tools: ['doppler'],
  match: (command) => {
    const words = matchPath(command, DOPPLER_VALUED, [
      ['secrets', 'configs', 'environments', 'projects', 'config', 'environment', 'project'],
      ['delete', 'rm', 'remove'],
    ]);
    if (!words) return undefined;
    return words[0]!.startsWith('secret') ? {} : { severity: 'critical', resource: `a Doppler ${words[0]!.replace(/s$/, '')} and every secret in it` };
  },
  examples: {
    match: [
      'doppler secrets delete DATABASE_URL',
      'doppler secrets delete API_KEY --project backend --config prod --yes',
      'doppler configs delete dev -y',
      'doppler projects delete backend --yes',
    ],
    noMatch: [
      'doppler secrets get DATABASE_URL',
      { line: 'doppler secrets list', decision: 'allow' },
      'doppler configs list',
      'doppler setup --project backend --config prod',
      'doppler run -- printenv DATABASE_URL',
    ],
  },
});
