import { hasFlag, hasOption, optionValue, positionals } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';
import { analyseSql } from '../../../sql/analyse';
import type { RuleContext } from '../../rule';
import { defineRule } from '../../rule';
import { frameworkArgv, RUNNER_TOOLS } from './frameworks';

const TOOLS = ['flyway', 'liquibase', 'goose', 'migrate', 'mikro-orm', 'drizzle-kit', 'dbmate', 'sqlx', 'diesel', 'prisma', 'atlas'];

/** Each tool's destructive commands: the command words, and what they destroy. */
function destructive(name: string, words: readonly string[], args: readonly string[]): string | undefined {
  const [first, second] = words;
  switch (name) {
    case 'flyway':
      return first === 'clean' ? 'drops every object in the configured schemas' : undefined;
    case 'liquibase':
      return /^(dropall|drop-all)$/i.test(first ?? '') ? 'drops every table, view and sequence in the database' : undefined;
    case 'goose': {
      // `goose [DRIVER DBSTRING] COMMAND`: the command may follow the driver and connection string.
      const at = words.findIndex((w) => w === 'reset' || w === 'down-to');
      if (at < 0) return undefined;
      return words[at] === 'reset' || words[at + 1] === '0' ? 'rolls back every migration, dropping what they created' : undefined;
    }
    case 'migrate':
      if (first === 'drop') return 'drops everything in the database';
      if (first === 'down' && (hasFlag(args, '-all') || words.length === 1)) return 'applies every down migration, dropping what the migrations created';
      return undefined;
    case 'mikro-orm':
      if (first === 'schema:drop' || first === 'schema:fresh') return hasOption(args, '--run', '-r') ? `runs ${first}, dropping the schema` : undefined;
      return first === 'migration:fresh' ? 'drops the schema and re-runs every migration' : undefined;
    case 'drizzle-kit':
      return first === 'drop' ? 'deletes a migration from the migrations folder' : undefined;
    case 'dbmate':
      return first === 'drop' ? 'drops the database' : undefined;
    case 'sqlx':
      return first === 'database' && (second === 'drop' || second === 'reset') ? `runs database ${second}, dropping the database` : undefined;
    case 'diesel':
      return first === 'database' && second === 'reset'
        ? 'drops and recreates the database'
        : first === 'migration' && second === 'redo' && hasFlag(args, '--all', '-a')
          ? 'reverts and re-runs every migration'
          : undefined;
    case 'atlas':
      return first === 'schema' && second === 'clean' ? 'drops every object in the schema' : undefined;
  }
  return undefined;
}

/** `prisma db execute --file F | --stdin`: the SQL it would run; null when Airlock cannot read it. */
function prismaSql(args: readonly string[], command: SimpleCommand, context: RuleContext): string | null {
  const file = optionValue(args, '--file');
  if (file) return context.readFile(file, command.cwd) ?? null;
  if (hasOption(args, '--stdin'))
    return command.stdin?.kind === 'text'
      ? command.stdin.text
      : command.stdin?.kind === 'file'
        ? (context.readFile(command.stdin.path, command.cwd) ?? null)
        : null;
  return null;
}

/**
 * Migration tools and ORM CLIs whose commands drop a schema or a database, roll every migration
 * back, or run raw SQL (`prisma db execute`, read when its file or input can be read).
 */
export default defineRule({
  id: 'databases.migration-tools',
  resource: 'the schema, its tables and their rows',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs a migration or ORM command that drops the schema or database, rolls back every migration, or runs SQL that destroys data.',
  suggestion: 'Check which database the tool is configured for, and take a backup first.',
  keywords: TOOLS,
  tools: [...TOOLS, ...RUNNER_TOOLS],
  match(command, context) {
    const [name, ...args] = frameworkArgv(command);
    if (!name || !TOOLS.includes(name) || hasOption(args, '--help', '-h', '-help', '--dry-run')) return undefined;
    if (name === 'prisma') {
      const words = positionals(args, ['--file', '--schema', '--url']);
      if (words[0] !== 'db' || words[1] !== 'execute') return undefined;
      const sql = prismaSql(args, command, context);
      if (sql === null) return { severity: 'high', reason: 'prisma db execute runs SQL Airlock cannot read.' };
      const hazard = analyseSql(sql).hazards[0];
      return hazard ? { reason: `prisma db execute runs \`${hazard.statement}\`.` } : undefined;
    }
    const words = positionals(args, [
      '-url',
      '-user',
      '-password',
      '-schemas',
      '-locations',
      '--url',
      '--changelog-file',
      '--username',
      '--password',
      '-path',
      '-database',
      '-source',
      '--config',
      '-c',
      '--dir',
      '-dir',
      '--env',
      '--database-url',
      '--migrations-dir',
      '-table',
    ]);
    const what = destructive(name, words, args);
    if (!what) return undefined;
    return {
      reason: `${name} ${words.slice(0, 2).join(' ')} ${what}.`,
      ...(name === 'drizzle-kit' ? { severity: 'medium' as const, resource: 'a migration file' } : {}),
    };
  },
  examples: {
    match: [
      { line: 'flyway clean', decision: 'ask', severity: 'critical' },
      'flyway -url=jdbc:postgresql://db/app clean',
      { line: 'liquibase dropAll', decision: 'ask' },
      'goose postgres "$DATABASE_URL" down-to 0',
      'goose reset',
      'migrate -path db/migrations -database "$DB" drop -f',
      'migrate -path db/migrations -database postgres://db/app down -all',
      { line: 'npx mikro-orm schema:drop --run', decision: 'ask' },
      { line: 'drizzle-kit drop', decision: 'ask', severity: 'medium' },
      'dbmate drop',
      'sqlx database reset -y',
      'diesel database reset',
      { line: 'npx prisma db execute --stdin <<< "DROP TABLE users"', decision: 'ask' },
      'prisma db execute --file /nonexistent/airlock/wipe.sql',
    ],
    noMatch: [
      { line: 'flyway migrate', decision: 'allow' },
      { line: 'goose up', decision: 'allow' },
      { line: 'goose down', decision: 'allow' },
      'migrate -path db/migrations -database postgres://db/app up',
      'migrate -path db/migrations -database postgres://db/app down 1',
      { line: 'npx mikro-orm schema:drop --dump', decision: 'allow' },
      { line: 'prisma db execute --stdin <<< "SELECT 1"', decision: 'allow' },
      'liquibase update',
      'drizzle-kit generate',
    ],
  },
});
