import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { FLY_DESTROY, FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

export default defineRule({
  id: 'fly.volume-destroy',
  resource: 'a Fly.io volume and every byte on it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys a Fly.io volume: the data on it is gone once its snapshots expire.',
  suggestion: 'Take a snapshot first (`fly volumes snapshots create VOLUME_ID`) and check which machine mounts it (`fly volumes list`).',
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command) => (matchPath(command, FLY_VALUED, [['volumes', 'volume', 'vol'], FLY_DESTROY]) ? {} : undefined),
  examples: {
    match: [{ line: 'fly volumes destroy vol_123 --yes', decision: 'ask' }, 'fly vol delete vol_123', 'flyctl volumes rm vol_1 -a my-app'],
    noMatch: ['fly volumes list', 'fly volumes create data --size 10', { line: 'fly volumes snapshots create vol_1', decision: 'allow' }, 'fly vol destroy -h'],
  },
});
