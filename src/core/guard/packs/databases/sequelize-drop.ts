import { defineRule } from '../../rule';
import { frameworkCommand, RUNNER_TOOLS } from './frameworks';

const COMMANDS: Record<string, string> = {
  'db:drop': 'drops the whole database',
  'db:migrate:undo:all': 'reverses every migration, dropping the tables they created',
  'db:seed:undo:all': 'deletes every seeded row',
};

export default defineRule({
  id: 'databases.sequelize-drop',
  resource: 'the Sequelize database, or every table its migrations created',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs a Sequelize command that drops the database or reverses every migration.',
  suggestion: 'Check NODE_ENV and config/config.json first; `sequelize db:migrate:status` shows where you are.',
  keywords: ['sequelize', 'sequelize-cli'],
  tools: ['sequelize', 'sequelize-cli', ...RUNNER_TOOLS],
  match: (command) => {
    const parsed = frameworkCommand(command, ['sequelize', 'sequelize-cli'], { valued: ['--env', '--config', '--url', '--options-path'] });
    const name = parsed?.positionals[0];
    return name && COMMANDS[name] ? { reason: `Runs \`sequelize ${name}\`: it ${COMMANDS[name]}.` } : undefined;
  },
  examples: {
    match: ['sequelize db:drop', 'npx sequelize-cli db:migrate:undo:all', 'yarn sequelize db:drop --env production'],
    noMatch: ['sequelize db:migrate', 'sequelize db:create', 'npx sequelize-cli db:migrate:status'],
  },
});
