import { type OptionSpec, optionValues, type ParsedArgs } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';
import type { SqlDialect } from '../../../sql/lexer';

/**
 * Where each database client takes the text it runs from: `-c`/`-e`/`--eval` strings, `-f FILE`,
 * positional SQL or script files, and standard input when nothing else is given.
 */

export type ScriptOrigin = { kind: 'inline'; text: string; from: string } | { kind: 'file'; path: string; from: string } | { kind: 'stdin'; from: string };

export interface ClientShape {
  dialect: SqlDialect | 'mongo' | 'redis';
  spec: OptionSpec;
  /** The scripts the command runs, in order; empty for an interactive session with no input. */
  origins(parsed: ParsedArgs, command: SimpleCommand): ScriptOrigin[];
}

const stdinUnlessGiven = (origins: ScriptOrigin[], command: SimpleCommand): ScriptOrigin[] =>
  origins.length || !command.stdin ? origins : [{ kind: 'stdin', from: 'standard input' }];

const inline = (parsed: ParsedArgs, ...names: string[]): ScriptOrigin[] =>
  parsed.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => ({ kind: 'inline', text: o.value!, from: o.name }));

const files = (parsed: ParsedArgs, ...names: string[]): ScriptOrigin[] =>
  parsed.options
    .filter((o) => names.includes(o.name) && o.value !== undefined)
    .map((o) => (o.value === '-' ? { kind: 'stdin', from: `${o.name} -` } : { kind: 'file', path: o.value!, from: `${o.name} ${o.value}` }));

const PSQL: ClientShape = {
  dialect: 'postgres',
  spec: {
    valued: [
      '-c',
      '--command',
      '-f',
      '--file',
      '-d',
      '--dbname',
      '-h',
      '--host',
      '-p',
      '--port',
      '-U',
      '--username',
      '-v',
      '--set',
      '--variable',
      '-o',
      '--output',
      '-L',
      '--log-file',
      '-T',
      '--table-attr',
      '-F',
      '--field-separator',
      '-R',
      '--record-separator',
      '-P',
      '--pset',
    ],
  },
  origins(parsed, command) {
    const given = parsed.options.flatMap((o): ScriptOrigin[] => {
      if ((o.name === '-c' || o.name === '--command') && o.value !== undefined) return [{ kind: 'inline', text: o.value, from: o.name }];
      if ((o.name === '-f' || o.name === '--file') && o.value !== undefined) return files({ options: [o], positionals: [] }, o.name);
      return [];
    });
    if (parsed.options.some((o) => o.name === '-l' || o.name === '--list')) return given;
    return stdinUnlessGiven(given, command);
  },
};

const MYSQL: ClientShape = {
  dialect: 'mysql',
  spec: {
    valued: [
      '-e',
      '--execute',
      '-u',
      '--user',
      '-h',
      '--host',
      '-P',
      '--port',
      '-D',
      '--database',
      '-S',
      '--socket',
      '--default-character-set',
      '--init-command',
      '--defaults-file',
      '--defaults-extra-file',
      '--login-path',
      '--ssl-ca',
      '--ssl-cert',
      '--ssl-key',
      '--ssl-mode',
      '--protocol',
      '--connect-timeout',
      '--max-allowed-packet',
      '--delimiter',
    ],
    attachedOnly: ['-p'],
  },
  origins(parsed, command) {
    return stdinUnlessGiven([...inline(parsed, '--init-command'), ...inline(parsed, '-e', '--execute')], command);
  },
};

const SQLITE: ClientShape = {
  dialect: 'sqlite',
  spec: {
    valued: ['-cmd', '-init', '-separator', '-newline', '-nullvalue', '-vfs', '-maxsize', '-mmap', '-pagecache', '-heap', '-escape'],
    singleDashLong: true,
  },
  origins(parsed, command) {
    const given: ScriptOrigin[] = [...inline(parsed, '-cmd', '--cmd'), ...files(parsed, '-init', '--init')];
    const sql = parsed.positionals.slice(1);
    if (sql.length) return [...given, { kind: 'inline', text: sql.join(';\n'), from: 'arguments' }];
    return stdinUnlessGiven(given, command);
  },
};

const CLICKHOUSE: ClientShape = {
  dialect: 'clickhouse',
  spec: {
    valued: [
      '-q',
      '--query',
      '--queries-file',
      '-h',
      '--host',
      '--port',
      '-u',
      '--user',
      '--password',
      '-d',
      '--database',
      '-f',
      '--format',
      '-C',
      '--config-file',
      '--history_file',
    ],
  },
  origins(parsed, command) {
    return stdinUnlessGiven([...inline(parsed, '-q', '--query'), ...files(parsed, '--queries-file')], command);
  },
};

const CQLSH: ClientShape = {
  dialect: 'cql',
  spec: {
    valued: [
      '-e',
      '--execute',
      '-f',
      '--file',
      '-u',
      '--username',
      '-p',
      '--password',
      '-k',
      '--keyspace',
      '--cqlshrc',
      '--connect-timeout',
      '--request-timeout',
      '--encoding',
      '--cqlversion',
      '--protocol-version',
    ],
  },
  origins(parsed, command) {
    return stdinUnlessGiven([...inline(parsed, '-e', '--execute'), ...files(parsed, '-f', '--file')], command);
  },
};

const MONGOSH: ClientShape = {
  dialect: 'mongo',
  spec: {
    valued: [
      '--eval',
      '-f',
      '--file',
      '--host',
      '--port',
      '-u',
      '--username',
      '-p',
      '--password',
      '--authenticationDatabase',
      '--authenticationMechanism',
      '--apiVersion',
      '--tlsCAFile',
      '--tlsCertificateKeyFile',
      '--tlsCertificateKeyFilePassword',
      '--awsAccessKeyId',
      '--awsSecretAccessKey',
      '--awsSessionToken',
      '--keyVaultNamespace',
      '--kmsURL',
      '--gssapiServiceName',
      '--sspiHostnameCanonicalization',
      '--sspiRealmOverride',
      '--retryWrites',
    ],
  },
  origins(parsed, command) {
    const scripts = parsed.positionals.filter((p) => /\.(js|mjs|cjs)$/.test(p)).map((path): ScriptOrigin => ({ kind: 'file', path, from: path }));
    return stdinUnlessGiven([...inline(parsed, '--eval'), ...files(parsed, '-f', '--file'), ...scripts], command);
  },
};

const REDIS: ClientShape = {
  dialect: 'redis',
  spec: {
    valued: [
      '-h',
      '-p',
      '-s',
      '-a',
      '-u',
      '-n',
      '-r',
      '-i',
      '-d',
      '-D',
      '-t',
      '--user',
      '--pass',
      '--cacert',
      '--cacertdir',
      '--cert',
      '--key',
      '--sni',
      '--tls-ciphers',
      '--tls-ciphersuites',
      '--pattern',
      '--quoted-pattern',
      '--count',
      '--rdb',
      '--functions-rdb',
      '--eval',
      '--memkeys-samples',
      '--intrinsic-latency',
      '--lru-test',
      '--replica',
      '--pipe-timeout',
      '--cluster',
    ],
  },
  origins(parsed, command) {
    const words = parsed.positionals;
    const given: ScriptOrigin[] = words.length ? [{ kind: 'inline', text: words.map(quoteRedisWord).join(' '), from: 'arguments' }] : [];
    const lua = optionValues(parsed, '--eval');
    for (const path of lua) given.push({ kind: 'file', path, from: `--eval ${path}` });
    return stdinUnlessGiven(given, command);
  },
};

function quoteRedisWord(word: string): string {
  return /[\s"']/.test(word) ? JSON.stringify(word) : word;
}

/** The client a command runs, by argv[0] (and `clickhouse client`). */
export function clientOf(command: SimpleCommand): { shape: ClientShape; args: string[] } | undefined {
  const [tool, ...args] = command.argv;
  switch (tool) {
    case 'psql':
      return { shape: PSQL, args };
    case 'mysql':
    case 'mariadb':
      return { shape: MYSQL, args };
    case 'sqlite3':
    case 'sqlite':
      return { shape: SQLITE, args };
    case 'clickhouse-client':
    case 'clickhouse-local':
      return { shape: CLICKHOUSE, args };
    case 'clickhouse':
      return args[0] === 'client' || args[0] === 'local' ? { shape: CLICKHOUSE, args: args.slice(1) } : undefined;
    case 'cqlsh':
      return { shape: CQLSH, args };
    case 'mongosh':
    case 'mongo':
      return { shape: MONGOSH, args };
    case 'redis-cli':
    case 'valkey-cli':
    case 'keydb-cli':
      return { shape: REDIS, args };
    default:
      return undefined;
  }
}

export const SQL_CLIENT_TOOLS = ['psql', 'mysql', 'mariadb', 'sqlite3', 'sqlite', 'clickhouse', 'clickhouse-client', 'clickhouse-local', 'cqlsh'];
export const MONGO_TOOLS = ['mongosh', 'mongo'];
export const REDIS_TOOLS = ['redis-cli', 'valkey-cli', 'keydb-cli'];
