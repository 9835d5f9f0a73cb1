import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { stdinSqlVerdict } from '../nested-commands';
import { FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

/** `fly postgres connect` opens psql on a Fly Postgres app; what is piped into it runs there. */
export default defineRule({
  id: 'fly.connect-sql',
  resource: 'tables and rows of a Fly.io Postgres database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Feeds destructive SQL to a Fly.io Postgres database.',
  suggestion: 'Snapshot its volume first (`fly volumes snapshots create`).',
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command, context) =>
    matchPath(command, [...FLY_VALUED, '-d', '--database', '-u', '--user'], [['postgres', 'pg', 'mpg'], 'connect'])
      ? stdinSqlVerdict(command, context, 'psql', 'On a Fly.io Postgres database')
      : undefined,
  examples: {
    match: ["fly postgres connect -a my-db <<< 'DROP TABLE users'"],
    noMatch: ['fly postgres connect -a my-db', "fly pg connect -a my-db <<< 'SELECT 1'"],
  },
});
