import { parsedHasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { frameworkCommand, RUNNER_TOOLS } from './frameworks';

export default defineRule({
  id: 'databases.knex-rollback-all',
  resource: 'every table the migrations created, with its rows',
  severity: 'high',
  decision: 'ask',
  reason: 'Rolls back every Knex migration: the tables they created are dropped with their data.',
  suggestion: 'Roll back one batch at a time (`knex migrate:rollback`), after checking `knex migrate:status`.',
  keywords: ['knex'],
  tools: ['knex', ...RUNNER_TOOLS],
  match: (command) => {
    const parsed = frameworkCommand(command, ['knex'], { valued: ['--knexfile', '--env', '--cwd', '--client', '--connection', '--migrations-directory'] });
    return parsed?.positionals[0] === 'migrate:rollback' && parsedHasOption(parsed, '--all') ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'knex migrate:rollback --all', decision: 'ask' },
      { line: 'npx knex migrate:rollback --all --env production', decision: 'ask' },
    ],
    noMatch: ['knex migrate:rollback', { line: 'knex migrate:latest', decision: 'allow' }, 'knex migrate:status'],
  },
});
