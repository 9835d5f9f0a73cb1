import { asksForHelp, hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { nestedVerdict } from '../cli-words';
import { innerCommand } from '../nested-commands';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, DOCKER_VALUED } from './shape';

/** `docker run` options that take a value (a mounted volume among them). */
const RUN_VALUED = [
  ...DOCKER_VALUED,
  '-v',
  '--volume',
  '--mount',
  '--volumes-from',
  '--name',
  '-p',
  '--publish',
  '--entrypoint',
  '--network',
  '--net',
  '--env-file',
  '--label',
  '--platform',
  '--cpus',
  '-m',
  '--memory',
  '--restart',
  '--hostname',
  '-h',
  '--add-host',
  '--device',
  '--cap-add',
  '--cap-drop',
  '--log-driver',
  '--log-opt',
  '--pull',
  '--shm-size',
  '--ulimit',
  '--tmpfs',
  '--dns',
  '--gpus',
  '--security-opt',
  '--pid',
  '--ipc',
  '--runtime',
  '--stop-signal',
  '--health-cmd',
  '-a',
  '--attach',
  '--cidfile',
];
const MOUNTS = ['-v', '--volume', '--mount', '--volumes-from'];

/**
 * `docker run -v data:/data IMAGE rm -rf /data` wipes the volume from inside a throwaway
 * container; `compose run SERVICE CMD` gets the service's volumes. Without a mount, whatever
 * the command destroys dies with the container: nothing to ask.
 */
export default defineRule({
  id: 'docker.run-destructive',
  resource: 'data in the volumes or host folders mounted into the container',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs a destructive command in a container that has volumes or host folders mounted.',
  suggestion: 'Back up the mounted volume first, or mount it read-only (`-v data:/data:ro`) to look.',
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command, context) => {
    const args = command.argv.slice(1);
    const compose = command.argv[0]!.endsWith('-compose') || args.includes('compose');
    const at = args.indexOf('run');
    if (at < 0 || asksForHelp(args.slice(0, at + 1), RUN_VALUED)) return undefined;
    const options = args.slice(at + 1);
    if (!compose && !hasOption(options, ...MOUNTS)) return undefined;
    // Read unknown options both ways, as for every cloud CLI: taking a value or not.
    const unknown = options.filter((a) => /^--?[a-zA-Z][\w-]*$/.test(a) && !RUN_VALUED.includes(a));
    const readings = [innerCommand(args, at, RUN_VALUED), innerCommand(args, at, [...RUN_VALUED, ...unknown])];
    const findings = readings.flatMap((inner) => (inner.length > 1 ? context.checkArgv(inner.slice(1), '/') : []));
    return nestedVerdict(findings, compose ? 'In a Compose service container, with its volumes' : 'In a container with mounted volumes');
  },
  examples: {
    match: [
      'docker run --rm -v pgdata:/data alpine rm -rf /data/pgdata',
      'docker run --rm -it -v "$PWD":/src -w /src alpine rm -rf /src/data',
      { line: 'docker compose run --rm web rm -rf /app/uploads', decision: 'ask' },
    ],
    noMatch: [
      'docker run --rm alpine rm -rf /tmp/x',
      'docker run --rm -v pgdata:/data alpine ls /data',
      'docker run -d -p 80:80 nginx',
      'docker compose run --rm web npm test',
    ],
  },
});
