import { type OptionSpec, type ParsedArgs, parseOptions } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';

/**
 * Framework and admin commands reach their tool through a runner: `bundle exec rails`,
 * `yarn prisma`, `pnpm exec knex`, `npm exec -- sequelize`, `python manage.py`. These give
 * back the tool's own argv, so each rule reads `prisma migrate reset` however it was started.
 */

/** Runners whose next word is the tool (package runners like npx are unwrapped by the engine). */
export const RUNNER_TOOLS = ['bundle', 'yarn', 'pnpm', 'npm', 'bun'];
export const PYTHON_TOOLS = ['python', 'python3', 'python2', 'pypy3'];

export function frameworkArgv(command: SimpleCommand): string[] {
  let argv = command.argv;
  const [tool, first] = argv;
  if (tool === 'bundle' && first === 'exec') argv = argv.slice(2);
  else if ((tool === 'yarn' || tool === 'pnpm' || tool === 'bun') && (first === 'exec' || first === 'dlx' || first === 'run' || first === 'x'))
    argv = argv.slice(2);
  else if (tool === 'yarn' || tool === 'pnpm') argv = argv.slice(1);
  else if (tool === 'npm' && first === 'exec') argv = argv.slice(2);
  else if (tool && PYTHON_TOOLS.includes(tool)) {
    const script = argv.findIndex((a, i) => i > 0 && !a.startsWith('-'));
    argv = script > 0 ? argv.slice(script) : [];
  }
  if (argv[0] === '--') argv = argv.slice(1);
  const name = (argv[0] ?? '').split('/').pop() ?? '';
  return name ? [name, ...argv.slice(1)] : [];
}

/** The tool's argv read with its options, when argv[0] (after runners) is one of `names`. */
export function frameworkCommand(command: SimpleCommand, names: readonly string[], spec: OptionSpec = { valued: [] }): ParsedArgs | undefined {
  const argv = frameworkArgv(command);
  if (!argv.length || !names.includes(argv[0]!)) return undefined;
  return parseOptions(argv.slice(1), spec);
}
