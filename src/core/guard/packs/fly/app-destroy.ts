import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { FLY_DESTROY, FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

export default defineRule({
  id: 'fly.app-destroy',
  resource: 'a Fly.io app with its machines, volumes, IPs and secrets',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys a Fly.io app: its machines, its volumes and all their data, its IP addresses and secrets. A Fly Postgres cluster is an app too.',
  suggestion: 'Snapshot the app\'s volumes first (`fly volumes snapshots create`); to stop it without losing data, `fly scale count 0`.',
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command) => (matchPath(command, FLY_VALUED, ['destroy'], [['apps', 'app'], FLY_DESTROY]) ? {} : undefined),
  examples: {
    match: ['fly apps destroy my-app --yes', 'flyctl apps delete my-app', 'fly destroy my-app -y', 'fly -t tok apps rm my-db'],
    noMatch: ['fly apps list', 'fly apps create my-app', 'fly apps destroy --help', 'fly status -a my-app', 'fly deploy'],
  },
});
