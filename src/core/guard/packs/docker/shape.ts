import { asksForHelp, hasOption, readings } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';

/** Docker and Podman, with Compose as `docker compose`, `docker-compose` or `podman-compose`. */
export const DOCKER_TOOLS = ['docker', 'podman', 'docker-compose', 'podman-compose'];
export const DOCKER_KEYWORDS = ['docker', 'podman', 'docker-compose', 'podman-compose'];
export const DOCKER_VALUED = [
  '-H',
  '--host',
  '-c',
  '--context',
  '--config',
  '-l',
  '--log-level',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
  '-f',
  '--file',
  '-p',
  '--project-name',
  '--profile',
  '--env-file',
  '--project-directory',
  '--ansi',
  '--parallel',
  '-e',
  '--env',
  '-u',
  '--user',
  '-w',
  '--workdir',
  '--detach-keys',
  '--filter',
  '-t',
  '--timeout',
  '--rmi',
  '--format',
];

export interface DockerCall {
  /** The subcommand path with `compose` folded in: `docker-compose down` reads as ['compose', 'down']. */
  words: string[];
  args: string[];
}

export function dockerCalls(command: SimpleCommand): DockerCall[] {
  const args = command.argv.slice(1);
  // Compose v2 previews with --dry-run: it prints what it would remove and removes nothing.
  if (asksForHelp(args, DOCKER_VALUED) || hasOption(args, '--dry-run')) return [];
  const compose = command.argv[0]!.endsWith('-compose');
  return readings(args, DOCKER_VALUED).map((words) => ({ words: compose ? ['compose', ...words] : words, args }));
}
