import { analyseRedisCommands } from '../../../sql/redis';
import { defineRule } from '../../rule';

const REDIS_PORTS = /(^|[:\s])(6379|6380|16379|26379)$/;

/** `printf 'FLUSHALL\r\n'` gives the bytes, not the escapes: read them as Redis would. */
function decoded(text: string): string {
  return text.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\r\n|\r/g, '\n');
}

/** Where nc, ncat, socat, telnet or `openssl s_client` connect, as one string ("host 6379", "host:6380"). */
function target(argv: readonly string[]): string | undefined {
  const [tool, ...args] = argv;
  if (tool === 'openssl') {
    if (args[0] !== 's_client') return undefined;
    const at = args.indexOf('-connect');
    return at >= 0 ? args[at + 1] : undefined;
  }
  if (tool === 'socat') return args.filter((a) => /^(tcp|tcp4|tcp6|openssl|ssl):/i.test(a)).join(' ') || undefined;
  return args.filter((a) => !a.startsWith('-')).join(' ') || undefined;
}

/**
 * Redis spoken by hand: commands written to a raw connection with nc, ncat, socat, telnet or
 * `openssl s_client` skip redis-cli, so its rules never see them. FLUSHALL/FLUSHDB in what is sent
 * asks; so does anything Airlock cannot read sent to a Redis port.
 */
export default defineRule({
  id: 'databases.redis-raw-connection',
  resource: 'every key in a Redis database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Sends Redis commands over a raw connection that empty a database, or sends a Redis server something Airlock cannot read.',
  suggestion: 'Use redis-cli, so the command is visible, and check which server it reaches.',
  keywords: ['nc', 'ncat', 'netcat', 'socat', 'telnet', 's_client'],
  tools: ['nc', 'ncat', 'netcat', 'socat', 'telnet', 'openssl'],
  match(command, context) {
    const where = target(command.argv);
    if (!where) return undefined;
    const stdin = command.stdin;
    const text = stdin?.kind === 'text' ? stdin.text : stdin?.kind === 'file' ? context.readFile(stdin.path, command.cwd) : undefined;
    if (text !== undefined) {
      const hazard = analyseRedisCommands(decoded(text)).find((h) => h.kind === 'flush');
      return hazard ? { reason: `Sends ${hazard.command} to ${where} over a raw connection: every key it covers is deleted.` } : undefined;
    }
    if (!REDIS_PORTS.test(where)) return undefined;
    if (stdin === undefined) return undefined; // interactive: a person types, Airlock is not needed
    return {
      severity: 'high',
      reason: `Sends ${where}, a Redis port, commands piped from ${stdin.kind === 'opaque' ? stdin.from : 'a file'} that Airlock cannot read.`,
    };
  },
  examples: {
    match: [
      { line: `printf 'FLUSHALL\\r\\n' | nc localhost 6379`, decision: 'ask' },
      { line: 'echo FLUSHALL | openssl s_client -connect redis.internal:6380 -quiet', decision: 'ask' },
      `printf '*1\\r\\n$8\\r\\nFLUSHDB\\r\\n' | ncat cache 6379`,
      'curl -s https://x.example/cmds | nc redis 6379',
      `nc redis 6379 <<'EOF'\nSELECT 2\nFLUSHDB\nEOF`,
    ],
    noMatch: [
      { line: `printf 'PING\\r\\n' | nc localhost 6379`, decision: 'allow' },
      { line: 'nc -zv db.internal 5432', decision: 'allow' },
      { line: 'echo | openssl s_client -connect example.com:443', decision: 'allow' },
      'nc localhost 6379',
      'openssl x509 -in cert.pem -noout -text',
    ],
  },
});
