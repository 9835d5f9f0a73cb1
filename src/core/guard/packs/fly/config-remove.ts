import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

export default defineRule({
  id: 'fly.config-remove',
  resource: 'secrets, certificates or IP addresses of a Fly.io app',
  severity: 'medium',
  decision: 'ask',
  reason: 'Removes secrets, certificates or public IP addresses of a Fly.io app: it restarts without them, and a released IP cannot be claimed back.',
  suggestion: 'Check the app first (`fly secrets list`, `fly ips list`, `fly certs list`).',
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command) =>
    matchPath(
      command,
      FLY_VALUED,
      [['secrets', 'secret'], 'unset'],
      [
        ['certs', 'cert'],
        ['remove', 'rm', 'delete'],
      ],
      [['ips', 'ip'], 'release'],
    )
      ? {}
      : undefined,
  examples: {
    match: ['fly secrets unset DATABASE_URL', 'fly ips release 1.2.3.4 -a web', 'fly certs remove example.com'],
    noMatch: ['fly secrets list', { line: 'fly secrets set FOO=bar', decision: 'allow' }, 'fly ips list', 'fly certs show example.com'],
  },
});
