import { analyseGraphqlBody, looseDestructiveMutationFields } from '../http/graphql';
import { type Bindings, type CodeCall, findCalls, literalBindings, resolveList, resolveString, resolveValue } from './calls';
import { type DynamicReach, dynamicCalls } from './dynamic';
import { type CodeToken, type Language, scanCode, UNKNOWN_PART } from './scanner';

/**
 * What a snippet of code would do that Airlock guards: delete a tree, delete a file, run a
 * command, send an HTTP DELETE, send a destructive GraphQL mutation. Literal arguments are
 * resolved (including `name = 'literal'` assignments); parts known only at run time are
 * UNKNOWN_PART.
 */
export interface CodeEffects {
  recursiveDeletes: Array<{ call: string; path: string }>;
  fileDeletes: Array<{ call: string; path: string; force?: boolean }>;
  /** A command run through a shell (`line`) or directly (`argv`). */
  spawns: Array<{ call: string; line?: string; argv?: string[] }>;
  httpDeletes: Array<{ call: string; url?: string }>;
  mutations: string[];
  /** `exec(b64decode(...))`, `eval(atob(...))`: code decoded at run time, which Airlock cannot read. */
  obfuscated: string[];
  /** Modules, functions or bodies reached by names or data only known at run time (see `dynamic.ts`). */
  dynamic: DynamicReach[];
}

interface LanguageTable {
  recursiveDelete(call: CodeCall, b: Bindings): boolean;
  fileDelete: ReadonlySet<string>;
  spawn: ReadonlySet<string>;
  /** Callees Ruby and Perl call without parentheses. */
  bare: ReadonlySet<string>;
}

const JS_RM = new Set(['rmSync', 'rm', 'rmdir', 'rmdirSync', 'remove', 'removeSync']);
const FS_EXTRA = new Set(['remove', 'removeSync', 'emptyDir', 'emptyDirSync', 'emptydir', 'emptydirSync']);
const last = (call: CodeCall) => call.path[call.path.length - 1]!;

const TABLES: Record<Language, LanguageTable> = {
  python: {
    recursiveDelete: (c) => last(c) === 'rmtree' || (last(c) === 'removedirs' && c.path[0] === 'os'),
    fileDelete: new Set(['remove', 'unlink']),
    spawn: new Set([
      'system',
      'popen',
      'run',
      'call',
      'check_call',
      'check_output',
      'Popen',
      'getoutput',
      'getstatusoutput',
      'execl',
      'execle',
      'execlp',
      'execlpe',
      'execv',
      'execve',
      'execvp',
      'execvpe',
      'spawnl',
      'spawnle',
      'spawnlp',
      'spawnlpe',
      'spawnv',
      'spawnve',
      'spawnvp',
      'spawnvpe',
      'posix_spawn',
      'posix_spawnp',
      'create_subprocess_shell',
      'create_subprocess_exec',
      'spawn',
    ]),
    bare: new Set(),
  },
  javascript: {
    recursiveDelete: (c) => {
      const name = last(c);
      if (name === 'rimraf' || name === 'rimrafSync' || (c.path[0] === 'rimraf' && name === 'sync')) return true;
      if (FS_EXTRA.has(name) && c.path.length >= 2 && /^fs/i.test(c.path[0]!)) return true;
      return JS_RM.has(name) && c.args.some(hasRecursiveTrue);
    },
    fileDelete: new Set(['unlinkSync', 'unlink']),
    spawn: new Set([
      'exec',
      'execSync',
      'spawn',
      'spawnSync',
      'execFile',
      'execFileSync',
      'execa',
      'execaSync',
      'execaCommand',
      'execaCommandSync',
      'Command',
      'run',
    ]),
    bare: new Set(),
  },
  ruby: {
    recursiveDelete: (c) => ['rm_rf', 'rm_r', 'remove_dir', 'remove_entry', 'remove_entry_secure', 'rmtree'].includes(last(c)),
    fileDelete: new Set(['delete', 'unlink', 'rm', 'rm_f', 'remove_file']),
    spawn: new Set([
      'system',
      'exec',
      'spawn',
      'popen',
      'capture2',
      'capture2e',
      'capture3',
      'popen2',
      'popen2e',
      'popen3',
      'pipeline',
      'pipeline_r',
      'pipeline_w',
    ]),
    bare: new Set(['system', 'exec', 'spawn', 'rm_rf', 'rm_r', 'rmtree', 'remove_dir', 'eval']),
  },
  perl: {
    recursiveDelete: (c) =>
      ['rmtree', 'remove_tree', 'File::Path::rmtree', 'File::Path::remove_tree'].includes(last(c)) ||
      (last(c) === 'unlink' && c.args.some((a) => a.some((t) => t.kind === 'ident' && t.value === 'glob'))),
    fileDelete: new Set(['unlink']),
    spawn: new Set(['system', 'exec']),
    bare: new Set(['system', 'exec', 'unlink', 'rmtree', 'remove_tree', 'glob', 'eval']),
  },
  php: {
    recursiveDelete: (c) => last(c) === 'array_map' && c.args[0]?.[0]?.kind === 'string' && c.args[0]![0]!.value === 'unlink',
    fileDelete: new Set(['unlink']),
    spawn: new Set(['exec', 'system', 'shell_exec', 'passthru', 'popen', 'proc_open', 'pcntl_exec']),
    bare: new Set(),
  },
  lua: {
    recursiveDelete: () => false, // Lua has no recursive delete of its own: it shells out (os.execute)
    fileDelete: new Set(['remove']),
    spawn: new Set(['execute', 'popen']),
    bare: new Set(),
  },
  r: {
    recursiveDelete: (c) => last(c) === 'unlink' && c.args.some((a) => a[0]?.value === 'recursive' && a[1]?.value === '=' && a[2]?.value === 'TRUE'),
    fileDelete: new Set(['unlink', 'remove']),
    spawn: new Set(['system', 'system2', 'shell']),
    bare: new Set(),
  },
};

/** How many string literals that mention `mutation` are parsed as GraphQL one by one. */
const MAX_PARSED_LITERALS = 32;

/** Receivers whose `.delete(url)` is an HTTP DELETE. */
const HTTP_CLIENTS = new Set([
  'requests',
  'httpx',
  'session',
  's',
  'client',
  'axios',
  'got',
  'ky',
  'superagent',
  'request',
  'http',
  'HTTParty',
  'RestClient',
  'Faraday',
  'conn',
  'connection',
  'ua',
  'api',
  '$ua',
  '$http',
  '$client',
]);

/** Calls that run a string as code in the same language. */
const EVALS: Record<Language, ReadonlySet<string>> = {
  python: new Set(['exec', 'eval', 'compile']),
  javascript: new Set(['eval', 'Function']),
  ruby: new Set(['eval', 'instance_eval', 'class_eval']),
  perl: new Set(['eval']),
  php: new Set(['eval', 'assert']),
  lua: new Set(['load', 'loadstring', 'dostring']),
  r: new Set(['eval']),
};
/** Words that say an evaluated argument is decoded or decompressed at run time. */
const DECODING =
  /^(b64decode|decodebytes|a85decode|b32decode|unhexlify|fromhex|decompress|atob|decode64|decode_base64|base64_decode|gzinflate|gzuncompress|str_rot13|unpack|codecs|zlib|marshal|loads)$/;
/** Code evaluated inside code is read to this depth. */
const MAX_EVAL_DEPTH = 3;

export function analyseCode(source: string, language: Language, depth = 0): CodeEffects {
  const tokens = scanCode(source, language);
  const bindings = literalBindings(tokens);
  const table = TABLES[language];
  const effects: CodeEffects = {
    recursiveDeletes: [],
    fileDeletes: [],
    spawns: [],
    httpDeletes: [],
    mutations: [],
    obfuscated: [],
    dynamic: dynamicCalls(tokens, language, bindings),
  };

  for (const call of findCalls(tokens, table.bare)) {
    const name = last(call);
    const shown = `${call.path.join('.')}(...)`;
    if (EVALS[language].has(name) && (call.path.length === 1 || call.path[0] === 'builtins') && call.args[0]) {
      const code = resolveString(call.args[0], bindings);
      if (code !== undefined && !code.includes(UNKNOWN_PART) && depth < MAX_EVAL_DEPTH) merge(effects, analyseCode(code, language, depth + 1));
      else if (call.args[0].some((t) => t.kind === 'ident' && DECODING.test(t.value))) effects.obfuscated.push(shown);
      continue;
    }
    if (table.recursiveDelete(call, bindings)) {
      for (const path of pathArgs(call, bindings)) effects.recursiveDeletes.push({ call: shown, path });
      continue;
    }
    if (table.fileDelete.has(name) && isFileDeleteCall(call, language)) {
      for (const path of pathArgs(call, bindings)) effects.fileDeletes.push({ call: shown, path, ...(name === 'rm_f' ? { force: true } : {}) });
      continue;
    }
    if (table.spawn.has(name) && isSpawnCall(call, language)) {
      const spawned = spawnedCommand(call, bindings);
      if (spawned) effects.spawns.push({ call: shown, ...spawned });
      continue;
    }
    const url = httpDeleteUrl(call, bindings);
    if (url !== undefined) effects.httpDeletes.push({ call: shown, ...(url ? { url } : {}) });
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'shell') effects.spawns.push({ call: language === 'javascript' ? '$`...`' : '`...`', line: t.value });
    if (t.kind === 'string' && isDeleteMethodLiteral(tokens, i)) effects.httpDeletes.push({ call: 'method DELETE', ...firstUrl(tokens) });
  }
  effects.mutations.push(...destructiveMutations(tokens));
  return effects;
}

function merge(into: CodeEffects, from: CodeEffects): void {
  into.recursiveDeletes.push(...from.recursiveDeletes);
  into.fileDeletes.push(...from.fileDeletes);
  into.spawns.push(...from.spawns);
  into.httpDeletes.push(...from.httpDeletes);
  into.mutations.push(...from.mutations);
  into.obfuscated.push(...from.obfuscated);
  into.dynamic.push(...from.dynamic);
}

/** `{ recursive: true }` among a call's arguments. */
function hasRecursiveTrue(arg: CodeToken[]): boolean {
  for (let i = 0; i + 2 < arg.length; i++) {
    if (arg[i]!.value === 'recursive' && arg[i + 1]!.value === ':' && arg[i + 2]!.value === 'true') return true;
  }
  return false;
}

function isFileDeleteCall(call: CodeCall, language: Language): boolean {
  const [first] = call.path;
  switch (language) {
    case 'python':
      return first === 'os' || call.path.length === 1;
    case 'javascript':
      return call.path.length === 1 || /^fs/i.test(first!) || first === 'Deno' || first === 'require';
    case 'ruby':
      return first === 'File' || first === 'FileUtils' || call.path.length === 1;
    case 'lua':
      return first === 'os';
    case 'r':
      return call.path.length === 1 || first === 'file';
    default:
      return call.path.length === 1;
  }
}

function isSpawnCall(call: CodeCall, language: Language): boolean {
  const name = last(call);
  const first = call.path[0]!;
  if (language === 'python') {
    if (['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput'].includes(name))
      return first === 'subprocess' || first === 'commands' || call.path.length === 1;
    if (name === 'spawn') return first === 'pty';
    return first === 'os' || first === 'asyncio' || call.path.length === 1;
  }
  if (language === 'javascript') {
    if (name === 'Command' || name === 'run') return first === 'Deno';
    if (name === 'spawn' || name === 'spawnSync') return true; // child_process, Bun.spawn
    // `regex.exec(text)` is not a process: only bare calls and child_process-like receivers.
    return call.path.length === 1 || /^(child_process|cp|childProcess|proc|execa|Bun|require)$/.test(first);
  }
  if (language === 'ruby') return call.path.length === 1 || ['Kernel', 'Process', 'IO', 'Open3'].includes(first);
  if (language === 'lua') return first === 'os' || first === 'io';
  return call.path.length === 1;
}

/** The path a delete call is given; every item when it is a loop variable over a literal list. */
function pathArgs(call: CodeCall, bindings: Bindings): string[] {
  const arg = call.args[0];
  if (!arg) return [UNKNOWN_PART];
  const bound = arg.length === 1 && arg[0]!.kind === 'ident' ? bindings.get(arg[0]!.value) : undefined;
  if (Array.isArray(bound)) return bound.length ? bound : [UNKNOWN_PART];
  return [joinedPath(arg, bindings) ?? resolveString(arg, bindings) ?? UNKNOWN_PART];
}

/** Names for the script's or project's own folder: `path.join(__dirname, 'dist')` is `dist` there. */
const BASE_DIRS = new Set(['__dirname', '__DIR__', 'ROOT', 'ROOT_DIR', 'BASE_DIR', 'PROJECT_ROOT', 'root', 'rootDir', 'projectRoot', 'here', 'HERE']);
const BASE_CALLS = new Set(['cwd', 'getcwd', 'pwd', 'dirname']);
const JOINS = new Set(['join', 'resolve']);

/**
 * `path.join(__dirname, 'dist')`, `os.path.join(os.getcwd(), 'build')`, `File.join(Dir.pwd, 'tmp')`:
 * the literal parts after the project's own folder, as a relative path; undefined for anything else.
 */
function joinedPath(arg: CodeToken[], bindings: Bindings): string | undefined {
  const open = arg.findIndex((t) => t.value === '(');
  if (open < 2 || !JOINS.has(arg[open - 1]!.value) || arg[open - 2]!.value !== '.' || arg[arg.length - 1]!.value !== ')') return undefined;
  const inner = findCalls(arg.slice(open - 1)).find((c) => JOINS.has(c.path[0]!));
  if (!inner || inner.args.length < 2) return undefined;
  const parts: string[] = [];
  for (const [i, part] of inner.args.entries()) {
    const isBase = part.some((t) => t.kind === 'ident' && (BASE_DIRS.has(t.value) || BASE_CALLS.has(t.value)));
    if (i === 0 && isBase) continue;
    const value = resolveString(part, bindings);
    if (value === undefined || value.includes(UNKNOWN_PART)) return undefined;
    parts.push(value);
  }
  return parts.join('/');
}

/** The shell line or argv a spawning call runs. */
function spawnedCommand(call: CodeCall, bindings: Bindings): { line?: string; argv?: string[] } | undefined {
  // Keyword arguments and option objects (`cwd='/tmp'`, `{ cwd: '/tmp' }`) are not the command.
  const positional = call.args.filter((a) => !(a[1] && ['=', ':', '=>'].includes(a[1].value) && a[0]!.kind === 'ident'));
  const values = positional.map((a) => (a[0]?.value === '{' ? objectList(a, bindings) : resolveValue(a, bindings)));
  const list = values.find((v): v is string[] => Array.isArray(v));
  const strings = values.filter((v): v is string => typeof v === 'string');
  const shellFlag = call.args.some((a) =>
    a.some((t, i) => t.value === 'shell' && (a[i + 1]?.value === '=' || a[i + 1]?.value === ':') && /^(True|true)$/.test(a[i + 2]?.value ?? '')),
  );
  if (list) {
    const head = typeof values[0] === 'string' ? values[0] : undefined;
    const argv = head !== undefined && list[0] !== head ? [head, ...list] : list;
    return shellFlag ? { line: argv.join(' ') } : { argv };
  }
  if (strings.length === 0) return undefined;
  if (strings.length === 1 || shellFlag) return { line: strings[0]! };
  const argv = strings[0] === strings[1] ? strings.slice(1) : strings;
  return { argv };
}

/** `{ args: [...] }` (Deno.Command) or `{ cmd: [...] }` (Deno.run): the list inside an options object. */
function objectList(arg: CodeToken[], bindings: Bindings): string[] | undefined {
  for (let i = 0; i + 2 < arg.length; i++) {
    if ((arg[i]!.value === 'args' || arg[i]!.value === 'cmd') && arg[i + 1]!.value === ':' && arg[i + 2]!.value === '[') {
      let depth = 0;
      let end = i + 2;
      for (; end < arg.length; end++) {
        if (arg[end]!.value === '[') depth++;
        else if (arg[end]!.value === ']' && --depth === 0) break;
      }
      return resolveList(arg.slice(i + 2, end + 1), bindings);
    }
  }
  return undefined;
}

/** The URL of an HTTP DELETE call (`requests.delete(url)`, `requests.request('DELETE', url)`), '' when unknown; undefined when not one. */
function httpDeleteUrl(call: CodeCall, bindings: Bindings): string | undefined {
  const name = last(call);
  const receiver = call.path[call.path.length - 2];
  const urlOf = (arg: CodeToken[] | undefined) => (arg ? (resolveString(arg, bindings) ?? '') : '');
  if ((name === 'delete' || name === 'del') && call.path.length >= 2) {
    const url = urlOf(call.args[0]);
    if (HTTP_CLIENTS.has(receiver!) || /^https?:\/\//.test(url)) return url;
  }
  if (name === 'request' && call.args[0]?.[0]?.kind === 'string' && call.args[0][0].value.toUpperCase() === 'DELETE') return urlOf(call.args[1]);
  if (call.path.includes('Delete') && call.path.includes('HTTP')) return urlOf(call.args[0]);
  if (call.args[0]?.[0]?.value === 'DELETE' && call.args[0][1]?.value === '=>') return urlOf(call.args[0].slice(2));
  return undefined;
}

/** `method: 'DELETE'`, `method='DELETE'`, `CURLOPT_CUSTOMREQUEST, 'DELETE'`, `-Method Delete`. */
function isDeleteMethodLiteral(tokens: readonly CodeToken[], i: number): boolean {
  if (tokens[i]!.value.toUpperCase() !== 'DELETE') return false;
  const sep = tokens[i - 1];
  const key = tokens[i - 2];
  if (!sep || !key) return false;
  if ((sep.value === ':' || sep.value === '=' || sep.value === '=>') && /^['"]?method['"]?$/i.test(key.value)) return true;
  return sep.value === ',' && key.value === 'CURLOPT_CUSTOMREQUEST';
}

function firstUrl(tokens: readonly CodeToken[]): { url?: string } {
  const url = tokens.find((t) => t.kind === 'string' && /^https?:\/\//.test(t.value));
  return url ? { url: url.value } : {};
}

/** Destructive GraphQL mutations written as string literals, alone or split across several. */
function destructiveMutations(tokens: readonly CodeToken[]): string[] {
  const strings = tokens.filter((t) => t.kind === 'string' && t.value.includes('mutation'));
  if (!strings.length) return [];
  const found: string[] = [];
  // Each literal is parsed on its own up to a bound; beyond it the joined text below still catches names.
  for (const s of strings.slice(0, MAX_PARSED_LITERALS)) {
    const finding = analyseGraphqlBody(s.value);
    found.push(...finding.destructiveFields);
    if (finding.documents === 0 || finding.unparsed.length) found.push(...looseDestructiveMutationFields(s.value));
  }
  if (!found.length) {
    const joined = tokens
      .filter((t) => t.kind === 'string')
      .map((t) => t.value)
      .join(' ');
    found.push(...looseDestructiveMutationFields(joined));
  }
  return [...new Set(found)];
}
