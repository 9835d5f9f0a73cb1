import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import { version } from '../core/version';
import { commands } from './commands/index';
import { installExportWorker } from './export-worker';
import { type CliIO, EXIT_USAGE, UsageError } from './io';

function helpText(): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'airlock: stands between AI coding agents and production.',
    '',
    'Usage: airlock <command> [options]',
    '',
    'Commands:',
    ...(lines.length ? lines : ['  (none yet)']),
    '',
    'Options:',
    "  -h, --help     show this help, or a command's help with `airlock help <command>`",
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

/** Usage errors quote the arguments, and a mistyped line can hold a token. Loaded only then. */
async function redacted(text: string): Promise<string> {
  return (await import('../core/redact.js')).redactText(text);
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(helpText());
    return EXIT_USAGE;
  }
  if (first === '-h' || first === '--help') {
    io.stdout(helpText());
    return 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (first === 'help') {
    const target = rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    if (!rest[0]) {
      io.stdout(helpText());
      return 0;
    }
    if (!target) {
      io.stderr(await redacted(`airlock: unknown command '${rest[0]}'. Run 'airlock --help' for the list.\n`));
      return EXIT_USAGE;
    }
    io.stdout(`${(await target.load()).usage}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === first);
  if (!entry) {
    io.stderr(await redacted(`airlock: unknown command '${first}'. Run 'airlock --help' for the list.\n`));
    return EXIT_USAGE;
  }
  const command = await entry.load();
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      const dashdash = rest.indexOf('--');
      const helpAt = Math.max(rest.indexOf('--help'), rest.indexOf('-h'));
      if (dashdash === -1 || helpAt < dashdash) {
        io.stdout(`${command.usage}\n`);
        return 0;
      }
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`airlock ${command.name}: ${await redacted(error.message)}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    // Never a stack trace: it could carry a secret from the input.
    io.stderr(`airlock ${command.name}: internal error: ${error instanceof Error ? error.name : 'unknown'}\n`);
    return 1;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

if (!isMainThread && (workerData as { airlockScanWorker?: boolean } | undefined)?.airlockScanWorker === true) {
  // The scanner's worker threads run this bundle: they start the scan worker, never the CLI.
  void import('../core/tokens/scan-worker.js');
} else if (require.main === module) {
  // V8's optimising tier compiles the 1.3 MB shell grammar (WASM) in the background and process
  // exit waits for it: ~400 ms per short-lived CLI run. The baseline tier parses fast enough.
  // Only here: the editor's extension host is shared with other extensions.
  setFlagsFromString('--liftoff-only');
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin,
    env: process.env,
    cwd: process.cwd(),
  };
  // Events a hook logs are exported by a detached worker started on exit (never awaited here).
  installExportWorker();
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
