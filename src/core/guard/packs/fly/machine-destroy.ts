import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { FLY_DESTROY, FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

export default defineRule({
  id: 'fly.machine-destroy',
  resource: 'a Fly.io machine',
  severity: 'high',
  decision: 'ask',
  reason: 'Destroys a Fly.io machine: what it serves goes down, and anything it kept outside a volume is lost.',
  suggestion: 'To pause it, `fly machine stop`; the machine and its configuration stay.',
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command) => (matchPath(command, FLY_VALUED, [['machine', 'machines', 'm'], FLY_DESTROY]) ? {} : undefined),
  examples: {
    match: [{ line: 'fly machine destroy 148ed --force', decision: 'ask' }, 'fly m rm 148ed', 'flyctl machines remove 148ed -a web'],
    noMatch: ['fly machine list', { line: 'fly machine stop 148ed', decision: 'allow' }, 'fly machine restart 148ed', 'fly m status 148ed'],
  },
});
