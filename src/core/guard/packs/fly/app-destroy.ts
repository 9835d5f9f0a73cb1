import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { FLY_DESTROY, FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

export default defineRule({
  id: 'fly.app-destroy',
  resource: 'a Fly.io app with its machines, volumes, IPs and secrets',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys a Fly.io app: its machines, its volumes and all their data, its IP addresses and secrets. A Fly Postgres cluster is an app too.',
  suggestion: "Snapshot the app's volumes first (`fly volumes snapshots create`); to stop it without losing data, `fly scale count 0`.",
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command) => (matchPath(command, FLY_VALUED, ['destroy'], [['apps', 'app'], FLY_DESTROY]) ? {} : undefined),
  examples: {
    match: [{ line: 'fly apps destroy my-app --yes', decision: 'ask' }, 'flyctl apps delete my-app', 'fly destroy my-app -y', 'fly -t tok apps rm my-db'],
    noMatch: [
      { line: 'fly apps list', decision: 'allow' },
      'fly apps create my-app',
      { line: 'fly apps destroy --help', decision: 'allow' },
      'fly status -a my-app',
      { line: 'fly deploy', decision: 'allow' },
    ],
  },
});
