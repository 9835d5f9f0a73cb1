import { parseOptions } from '../../../argv';
import { defineRule } from '../../rule';

const COMMANDS: Record<string, string> = {
  'migrate:fresh': 'drops every table and runs every migration again',
  'migrate:reset': 'rolls back every migration, dropping the tables they created',
  'migrate:refresh': 'rolls back every migration and runs them again, losing the data in between',
  'db:wipe': 'drops every table, view and type',
};

export default defineRule({
  id: 'databases.laravel-db-wipe',
  resource: 'every table of the Laravel application database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs an Artisan command that drops every table of the database.',
  suggestion: 'Check APP_ENV and DB_* in .env first; `php artisan migrate:status` shows where you are without touching data.',
  keywords: ['artisan'],
  tools: ['php', 'artisan'],
  match: (command) => {
    const argv = command.argv[0] === 'php' ? command.argv.slice(1) : command.argv;
    if (!/(^|\/)artisan$/.test(argv[0] ?? '')) return undefined;
    const name = parseOptions(argv.slice(1), { valued: ['--env', '--database', '--path'] }).positionals[0];
    if (!name || !COMMANDS[name]) return undefined;
    const env = argv.find((a) => a.startsWith('--env='))?.slice(6);
    return { reason: `Runs \`artisan ${name}\`${env ? ` for ${env}` : ''}: it ${COMMANDS[name]}.` };
  },
  examples: {
    match: [
      { line: 'php artisan migrate:fresh --seed', decision: 'ask' },
      'php artisan db:wipe --force',
      './artisan migrate:reset',
      'php artisan migrate:refresh --env=production',
    ],
    noMatch: ['php artisan migrate', 'php artisan migrate:status', 'php artisan migrate:rollback', 'php artisan serve'],
  },
});
