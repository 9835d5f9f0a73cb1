import { defineRule } from '../../rule';
import { frameworkCommand, PYTHON_TOOLS } from './frameworks';

export default defineRule({
  id: 'databases.django-flush',
  resource: 'every row of every table of the Django database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs a Django command that empties or drops the database.',
  suggestion: 'Check DJANGO_SETTINGS_MODULE and DATABASES first; `manage.py showmigrations` shows where you are without touching data.',
  keywords: ['flush', 'reset_db', 'zero'],
  tools: ['manage.py', 'django-admin', ...PYTHON_TOOLS],
  match: (command) => {
    const parsed = frameworkCommand(command, ['manage.py', 'django-admin'], { valued: ['--settings', '--pythonpath', '--database', '-v', '--verbosity'] });
    if (!parsed) return undefined;
    const [subcommand, app, target] = parsed.positionals;
    if (subcommand === 'flush') return { reason: 'Runs `flush`: every row of every table is deleted.' };
    if (subcommand === 'reset_db') return { reason: 'Runs `reset_db`: the whole database is dropped and recreated empty.' };
    if (subcommand === 'migrate' && app && target === 'zero')
      return { reason: `Runs \`migrate ${app} zero\`: every migration of ${app} is reversed, dropping its tables.`, severity: 'high' };
    return undefined;
  },
  examples: {
    match: [
      { line: 'python manage.py flush --noinput', decision: 'ask' },
      { line: './manage.py flush', decision: 'ask' },
      'django-admin flush --settings=app.settings.prod',
      'python3 manage.py reset_db',
      { line: 'python manage.py migrate bookings zero', decision: 'ask' },
    ],
    noMatch: ['python manage.py migrate', 'python manage.py showmigrations', 'python manage.py runserver', 'python manage.py sqlflush'],
  },
});
