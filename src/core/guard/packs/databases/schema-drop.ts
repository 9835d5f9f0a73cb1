import { defineRule } from '../../rule';
import { frameworkArgv, RUNNER_TOOLS } from './frameworks';

/** ORM and migration tools whose commands drop the whole schema or roll every migration back. */
const TYPEORM = ['typeorm', 'typeorm-ts-node-commonjs', 'typeorm-ts-node-esm'];
const DOCTRINE_DROPS = new Map([
  ['doctrine:database:drop', 'database'],
  ['d:d:d', 'database'],
  ['doctrine:schema:drop', 'schema'],
  ['d:s:d', 'schema'],
]);

/** True when `words` contains `sequence` in order, side by side. */
function has(words: readonly string[], ...sequence: string[]): boolean {
  return words.some((_, i) => sequence.every((w, k) => words[i + k] === w));
}

export default defineRule({
  id: 'databases.schema-drop',
  resource: 'every table of the database the tool points at',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs a migration tool command that drops the schema or reverts every migration.',
  suggestion: 'Check which database the tool is configured for first, and take a dump.',
  keywords: [...TYPEORM, 'drizzle-kit', 'alembic', 'flask', 'mix', 'doctrine', 'dotnet'],
  tools: [...TYPEORM, 'drizzle-kit', 'alembic', 'flask', 'mix', 'dotnet', 'php', 'console', ...RUNNER_TOOLS],
  match: (command) => {
    const [tool, ...args] = frameworkArgv(command);
    const words = args.filter((a) => !a.startsWith('-'));
    if (tool && TYPEORM.includes(tool) && words[0] === 'schema:drop')
      return { reason: 'Runs `typeorm schema:drop`: every table of the configured database is dropped.' };
    if (tool === 'drizzle-kit' && words[0] === 'push' && args.includes('--force'))
      return { reason: 'Runs `drizzle-kit push --force`: statements that lose data run without asking.' };
    if ((tool === 'alembic' && has(words, 'downgrade', 'base')) || (tool === 'flask' && has(words, 'db', 'downgrade', 'base'))) {
      return { reason: `Runs \`${tool} ... downgrade base\`: every migration is reverted, dropping the tables they created.` };
    }
    if (tool === 'mix' && (words[0] === 'ecto.drop' || words[0] === 'ecto.reset'))
      return { reason: `Runs \`mix ${words[0]}\`: the Ecto repository's database is dropped.` };
    if (tool === 'dotnet' && has(words, 'ef', 'database', 'drop')) return { reason: 'Runs `dotnet ef database drop`: the database is dropped.' };
    // Symfony: `php bin/console doctrine:database:drop --force` (without --force it only prints).
    const symfony = command.argv[0] === 'php' ? command.argv.slice(1) : command.argv;
    const name = symfony.slice(1).find((a) => !a.startsWith('-'));
    if (/(^|\/)console$/.test(symfony[0] ?? '') && symfony.includes('--force') && name && DOCTRINE_DROPS.has(name)) {
      return { reason: `Runs \`${name} --force\`: Doctrine drops the ${DOCTRINE_DROPS.get(name)}.` };
    }
    return undefined;
  },
  examples: {
    match: [
      'npx typeorm schema:drop -d src/data-source.ts',
      { line: 'alembic downgrade base', decision: 'ask' },
      'alembic -c prod.ini downgrade base',
      'flask --app shop db downgrade base',
      'mix ecto.reset',
      { line: 'dotnet ef database drop --force', decision: 'ask' },
      'php bin/console doctrine:database:drop --force',
      'npx drizzle-kit push --force',
    ],
    noMatch: [
      'npx typeorm migration:run',
      { line: 'alembic upgrade head', decision: 'allow' },
      { line: 'alembic downgrade -1', decision: 'allow' },
      { line: 'mix ecto.migrate', decision: 'allow' },
      { line: 'dotnet ef database update', decision: 'allow' },
      'php bin/console doctrine:database:drop',
      'npx drizzle-kit push',
    ],
  },
});
