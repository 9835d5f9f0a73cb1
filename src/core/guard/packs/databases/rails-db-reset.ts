import { defineRule } from '../../rule';
import { frameworkCommand, RUNNER_TOOLS } from './frameworks';

const TASKS = new Set([
  'db:drop',
  'db:drop:all',
  'db:reset',
  'db:schema:load',
  'db:structure:load',
  'db:purge',
  'db:purge:all',
  'db:truncate_all',
  'db:migrate:reset',
  'db:seed:replant',
  'db:setup',
]);

export default defineRule({
  id: 'databases.rails-db-reset',
  resource: 'the Rails application database and every row in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs a Rails task that drops, purges or reloads the database schema, losing its data.',
  suggestion: 'Check RAILS_ENV and config/database.yml first; `rails db:migrate:status` shows where you are without touching data.',
  keywords: ['rails', 'rake'],
  tools: ['rails', 'rake', ...RUNNER_TOOLS],
  match: (command) => {
    const parsed = frameworkCommand(command, ['rails', 'rake']);
    const task = parsed?.positionals.find((p) => TASKS.has(p.split('[')[0]!));
    if (!task) return undefined;
    // The test database is rebuilt on purpose all the time.
    const env = command.assignments.RAILS_ENV ?? command.assignments.RACK_ENV ?? parsed!.positionals.find((p) => p.startsWith('RAILS_ENV='))?.slice(10);
    if (env === 'test') return undefined;
    return { reason: `Runs \`${task}\`${env ? ` with RAILS_ENV=${env}` : ''}: it drops or reloads the database and loses its data.` };
  },
  examples: {
    match: [
      { line: 'rails db:drop', decision: 'ask' },
      { line: 'bin/rails db:reset', decision: 'ask' },
      { line: 'bundle exec rake db:schema:load', decision: 'ask' },
      'RAILS_ENV=production rails db:drop db:create',
      'rails db:truncate_all',
    ],
    noMatch: [
      { line: 'rails db:migrate', decision: 'allow' },
      'rails db:migrate:status',
      'RAILS_ENV=test rails db:reset',
      'rails server',
      { line: 'bundle exec rake db:rollback', decision: 'allow' },
    ],
  },
});
