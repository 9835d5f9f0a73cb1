import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

export default defineRule({
  id: 'fly.scale-to-zero',
  resource: 'every running machine of a Fly.io app',
  severity: 'medium',
  decision: 'ask',
  reason: 'Scales a Fly.io app (or a process group) to zero machines: it stops serving until scaled up again.',
  suggestion: 'Note the current count first (`fly scale show`) so it can be restored.',
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command) => {
    const words = matchPath(command, FLY_VALUED, ['scale', 'count']);
    return words?.slice(2).some((w) => w === '0' || /=0$/.test(w)) ? {} : undefined;
  },
  examples: {
    match: [{ line: 'fly scale count 0 -a web', decision: 'ask' }, 'fly scale count web=0 worker=2'],
    noMatch: [{ line: 'fly scale count 2', decision: 'allow' }, 'fly scale show', 'fly scale count 10 -a web'],
  },
});
