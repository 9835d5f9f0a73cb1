import { analyseSql } from '../../../sql/analyse';
import { defineRule } from '../../rule';
import { frameworkArgv, PYTHON_TOOLS, RUNNER_TOOLS } from './frameworks';

/** ORM calls that delete or rewrite rows or tables, in Python (Django) and Ruby (Rails) code. */
const ORM_DESTRUCTIVE =
  /\.(delete|delete_all|destroy_all|destroy|truncate|drop_table|drop_collection|purge|raw|execute|exec_query|update_all)\b|\bcall_command\(\s*['"](flush|reset_db)|\bconnection\.cursor\(|\bActiveRecord::Base\.connection\b/;

/** What the console or runner is given to run: code, or SQL on standard input. */
function givenCode(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  if (at >= 0) return args[at + 1];
  const attached = args.find((a) => a.startsWith(`${flag}=`));
  return attached?.slice(flag.length + 1);
}

/**
 * The frameworks' database shells and code runners: `manage.py dbshell` and `rails dbconsole`
 * open the SQL client with the app's credentials; `manage.py shell -c` and `rails runner` run
 * code with the app's models. What they are fed is read: destructive SQL or ORM calls ask, and so
 * does input Airlock cannot see.
 */
export default defineRule({
  id: 'databases.framework-console',
  resource: "the application database, through the framework's own credentials",
  severity: 'high',
  decision: 'ask',
  reason:
    "Runs SQL or code against the application's database through the framework (Django dbshell/shell, Rails dbconsole/runner), and that input destroys data or cannot be read.",
  suggestion: 'Write the change as a migration, or run the statements where a person can read them.',
  keywords: ['manage', 'django-admin', 'rails'],
  tools: ['manage.py', 'django-admin', 'rails', 'bin/rails', ...PYTHON_TOOLS, ...RUNNER_TOOLS],
  match(command, context) {
    const [name, sub, ...rest] = frameworkArgv(command);
    const django = name === 'manage.py' || name === 'django-admin';
    if (!django && name !== 'rails') return undefined;
    const stdin = command.stdin;
    const stdinText = stdin?.kind === 'text' ? stdin.text : stdin?.kind === 'file' ? context.readFile(stdin.path, command.cwd) : undefined;
    if ((django && sub === 'dbshell') || (!django && (sub === 'dbconsole' || sub === 'db'))) {
      // `dbshell -- -c "DROP TABLE x"` passes the rest to the client.
      const passed = django ? rest.slice(rest.indexOf('--') + 1) : [];
      const inline = django && rest.includes('--') ? (givenCode(passed, '-c') ?? givenCode(passed, '-e')) : undefined;
      const sql = inline ?? stdinText;
      if (sql !== undefined) {
        const hazard = analyseSql(sql).hazards[0];
        return hazard ? { severity: 'critical', reason: `${name} ${sub} runs \`${hazard.statement}\` on the application database.` } : undefined;
      }
      return stdin
        ? { reason: `${name} ${sub} runs SQL piped in from ${stdin.kind === 'opaque' ? stdin.from : 'a file'}, which Airlock cannot read.` }
        : undefined;
    }
    const code =
      django && sub === 'shell'
        ? (givenCode(rest, '-c') ?? givenCode(rest, '--command') ?? (stdin ? (stdinText ?? null) : undefined))
        : !django && (sub === 'runner' || sub === 'r')
          ? readRunnerCode(rest[0], command.cwd, context.readFile)
          : undefined;
    if (code === undefined) return undefined;
    if (code === null) return { reason: `${name} ${sub} runs code Airlock cannot read with the application's models and database.` };
    const hit = ORM_DESTRUCTIVE.exec(code);
    return hit ? { reason: `${name} ${sub} runs code that calls ${hit[0].replace(/^\./, '')} on the application's data.` } : undefined;
  },
  examples: {
    match: [
      { line: 'python manage.py shell -c "User.objects.all().delete()"', decision: 'ask' },
      { line: 'rails runner "User.delete_all"', decision: 'ask' },
      'bin/rails r "Order.where(test: true).destroy_all"',
      { line: `echo 'DROP TABLE users;' | python manage.py dbshell`, decision: 'ask', severity: 'critical' },
      'python manage.py dbshell -- -c "TRUNCATE orders"',
      'curl -s https://x.example/fix.sql | rails dbconsole',
      'rails runner /nonexistent/airlock/cleanup.rb',
    ],
    noMatch: [
      { line: 'python manage.py shell -c "print(User.objects.count())"', decision: 'allow' },
      { line: 'rails runner "puts User.count"', decision: 'allow' },
      { line: 'python manage.py dbshell', decision: 'allow' },
      { line: `echo 'SELECT count(*) FROM users;' | python manage.py dbshell`, decision: 'allow' },
      'rails console',
      'python manage.py showmigrations',
    ],
  },
});

/** `rails runner CODE|FILE`: a readable .rb file is its contents; an unreadable one is null. */
function readRunnerCode(arg: string | undefined, cwd: string, readFile: (path: string, cwd: string) => string | undefined): string | null | undefined {
  if (!arg) return undefined;
  if (/\.rb$/.test(arg) && !/\s/.test(arg)) return readFile(arg, cwd) ?? null;
  return arg;
}
