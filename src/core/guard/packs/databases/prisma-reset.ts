import { parsedHasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { frameworkCommand, RUNNER_TOOLS } from './frameworks';

export default defineRule({
  id: 'databases.prisma-reset',
  resource: 'every table and row of the database Prisma points at',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs a Prisma command that drops the database (or accepts losing data) to match the schema.',
  suggestion: 'Check DATABASE_URL first; `prisma migrate diff` or `prisma migrate status` shows what would change.',
  keywords: ['prisma'],
  tools: ['prisma', ...RUNNER_TOOLS],
  match: (command) => {
    const parsed = frameworkCommand(command, ['prisma'], { valued: ['--schema', '--url'] });
    if (!parsed) return undefined;
    const [group, action] = parsed.positionals;
    if (group === 'migrate' && action === 'reset')
      return { reason: 'Runs `prisma migrate reset`: it drops the database, recreates it and reapplies every migration.' };
    if (group === 'db' && action === 'push' && parsedHasOption(parsed, '--force-reset'))
      return { reason: 'Runs `prisma db push --force-reset`: it drops every table before pushing the schema.' };
    if (group === 'db' && action === 'push' && parsedHasOption(parsed, '--accept-data-loss'))
      return { reason: 'Runs `prisma db push --accept-data-loss`: columns and tables missing from the schema are dropped with their data.', severity: 'high' };
    return undefined;
  },
  examples: {
    match: [
      'prisma migrate reset',
      'npx prisma migrate reset --force',
      { line: 'pnpm prisma db push --force-reset', decision: 'ask' },
      { line: 'yarn prisma db push --accept-data-loss', decision: 'ask' },
    ],
    noMatch: ['prisma migrate dev', 'prisma migrate status', 'prisma db push', 'prisma generate', 'npx prisma studio'],
  },
});
