import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { RAILWAY_TOOLS, RAILWAY_VALUED } from './shape';

/** Detaching keeps the bytes but takes them away from the service that reads and writes them. */
export default defineRule({
  id: 'railway.volume-detach',
  resource: 'the data a Railway service reads and writes',
  severity: 'medium',
  decision: 'ask',
  reason:
    'Detaches a Railway volume from its service: the service restarts without its data (a database comes up empty or fails), until the volume is attached again.',
  suggestion: 'Check which service mounts it (`railway volume list`) and stop writes first.',
  tools: RAILWAY_TOOLS,
  match: (command) => (matchPath(command, RAILWAY_VALUED, [['volume', 'volumes'], 'detach']) ? {} : undefined),
  examples: {
    match: [
      { line: 'railway volume detach --volume data', decision: 'ask' },
      'railway volume -s postgres detach',
      'npx @railway/cli volume detach --volume pg-data --yes',
    ],
    noMatch: [
      { line: 'railway volume list', decision: 'allow' },
      { line: 'railway volume attach --volume data', decision: 'allow' },
      'railway volume detach --help',
    ],
  },
});
