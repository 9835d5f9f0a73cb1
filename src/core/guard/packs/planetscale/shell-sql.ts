import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { stdinSqlVerdict } from '../nested-commands';
import { PSCALE_KEYWORDS, PSCALE_TOOLS, PSCALE_VALUED } from './shape';

/** `pscale shell DATABASE BRANCH` opens a MySQL shell on the branch; what is piped into it runs there. */
export default defineRule({
  id: 'planetscale.shell-sql',
  resource: 'tables and rows of a PlanetScale branch',
  severity: 'critical',
  decision: 'ask',
  reason: 'Feeds destructive SQL to a PlanetScale database branch through `pscale shell`.',
  suggestion: 'Run it on a development branch and ship it with a deploy request instead.',
  keywords: PSCALE_KEYWORDS,
  tools: PSCALE_TOOLS,
  match: (command, context) =>
    matchPath(command, PSCALE_VALUED, ['shell']) ? stdinSqlVerdict(command, context, 'mysql', 'On a PlanetScale branch') : undefined,
  examples: {
    match: [{ line: "pscale shell shop main <<< 'DROP TABLE orders'", decision: 'ask' }],
    noMatch: [{ line: 'pscale shell shop main', decision: 'allow' }, "pscale shell shop dev <<< 'SELECT 1'"],
  },
});
