/**
 * Commands that run other commands somewhere else: in a container (`kubectl exec`, `docker
 * exec`), with a platform's variables or secrets (`railway run`, `doppler run --`), on a remote
 * machine (`heroku run`, `fly ssh console -C`), or SQL fed to a platform's database shell
 * (`railway connect`, `pscale shell`). The nested command is checked by the full engine through
 * the rule context, and its strictest finding becomes the outer rule's verdict (`nestedVerdict`).
 */

import { asksForHelp, readings } from '../../argv';
import type { SimpleCommand } from '../../shell/command';
import type { RuleContext, RuleVerdict } from '../rule';
import { nestedVerdict } from './cli-words';

/**
 * The command a runner subcommand runs (`railway run [options] CMD...`, `heroku run ...`):
 * the words after `args[from]`, past the runner's own options, or everything after `--`.
 */
export function innerCommand(args: readonly string[], from: number, valued: readonly string[]): string[] {
  for (let i = from + 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return args.slice(i + 1);
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && valued.includes(arg)) i++;
      continue;
    }
    return args.slice(i);
  }
  return [];
}

/**
 * The command a runner runs, for `tool [options] VERB [options] CMD...` (`railway run`,
 * `heroku run`, `doppler run --`): undefined when the first word is not one of `verbs` or help is
 * asked before the inner command (whose own flags are its business); [] when nothing follows.
 */
export function runnerCommand(command: SimpleCommand, verbs: readonly string[], valued: readonly string[]): string[] | undefined {
  const args = command.argv.slice(1);
  const at = args.findIndex((a) => verbs.includes(a));
  if (at < 0) return undefined;
  const head = args.slice(0, at);
  if (readings(head, valued)[0]!.length > 0 || asksForHelp(head)) return undefined;
  return innerCommand(args, at, valued);
}

/**
 * What a database shell opened through a platform (`heroku pg:psql`, `railway connect`,
 * `pscale shell`) would do with its standard input: the database rules read a heredoc, a
 * here-string or a file as they would for `client` itself; input Airlock cannot see is asked about.
 */
export function stdinSqlVerdict(command: SimpleCommand, context: RuleContext, client: 'psql' | 'mysql', where: string): RuleVerdict | undefined {
  const stdin = command.stdin;
  if (!stdin) return undefined;
  if (stdin.kind === 'opaque') {
    return { reason: `${where}: SQL arrives from ${stdin.from}, which Airlock cannot read.`, severity: 'high' };
  }
  if (stdin.kind === 'file') {
    return nestedVerdict(context.checkLine(`${client} < '${stdin.path.replace(/'/g, `'\\''`)}'`, command.cwd), where);
  }
  const fence = `AIRLOCK_SQL_${stdin.text.length}`;
  return nestedVerdict(context.checkLine(`${client} <<'${fence}'\n${stdin.text}\n${fence}`, command.cwd), where);
}
