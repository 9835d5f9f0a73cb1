/**
 * Code that reaches for something Airlock cannot name: a module, function or attribute whose name
 * is built at run time (`getattr(shutil, 'rmt' + 'ree')`, `globalThis['req' + 'uire']`,
 * `__import__(name)`, `Kernel.send(:system, …)`), code evaluated from something other than a literal
 * (`eval(Buffer.from(…))`, `exec(open(f).read())`), loader back doors (`process.mainModule.require`),
 * and an HTTP request whose body is read from a file or decoded at run time. Each is reported as a
 * short phrase; the interpreters pack asks about it. Literal, harmless uses (`__import__('json')`,
 * `getattr(obj, 'name')`) pass.
 */
import { type Bindings, matchBrackets, resolveString } from './calls';
import { type CodeToken, type Language, UNKNOWN_PART } from './scanner';

/** Modules whose functions delete, spawn or send: reaching them by a computed name is asked about. */
const DANGEROUS_MODULES =
  /^(os|subprocess|shutil|pty|posix|nt|ctypes|importlib|builtins|__builtin__|__builtins__|sys|socket|requests|httpx|urllib|urllib2|urllib3|http|pathlib|child_process|fs|fs\/promises|node:child_process|node:fs|node:fs\/promises|vm|net|http2|https|worker_threads|cluster|module|process)$/;
/** Attribute names that delete, spawn, evaluate or load. */
const DANGEROUS_ATTRIBUTES =
  /^(system|popen|spawn\w*|exec\w*|run|call|check_call|check_output|Popen|rmtree|remove\w*|unlink\w*|rmdir\w*|rm\w*|kill|eval|compile|__import__|import_module|require|load|send|public_send|__send__|instance_eval|class_eval|const_get|open|urlopen|post|put|patch|delete|request|fetch)$/;
/** Callees whose arguments this module reads. */
const INTERESTING_CALLS = new Set([
  '__import__',
  'import_module',
  'require',
  'import',
  'getattr',
  'hasattr',
  'method',
  'instance_method',
  'const_get',
  'Reflect',
  'send',
  'public_send',
  '__send__',
  'Function',
]);
/** Ruby constants whose methods delete or spawn. */
const DANGEROUS_CONSTANTS = /^(Kernel|Process|IO|Open3|FileUtils|File|Dir|Object|PTY)$/;
/** Calls that read a file's text. */
const FILE_READS = new Set([
  'readFileSync',
  'readFile',
  'read_text',
  'read_bytes',
  'readTextFile',
  'readTextFileSync',
  'readFileStr',
  'file_get_contents',
  'slurp',
  'read_file',
  'IO.read',
  'File.read',
  'Bun.file',
  'readlines',
]);
/** Calls that send an HTTP request with a body. */
const HTTP_SENDS = new Set([
  'post',
  'put',
  'patch',
  'fetch',
  'urlopen',
  'Request',
  'request',
  'send_request',
  'curl_exec',
  'post_form',
  'Post',
  'Put',
  'Patch',
  'axios',
  'got',
  'ky',
]);
/** Words that say a value is decoded at run time. */
const DECODES = new Set([
  'b64decode',
  'decodebytes',
  'a85decode',
  'b32decode',
  'unhexlify',
  'fromhex',
  'decompress',
  'atob',
  'decode64',
  'decode_base64',
  'base64_decode',
  'strict_decode64',
  'urlsafe_b64decode',
  'gzinflate',
  'str_rot13',
  'unpack',
  'unpack1',
  'loads',
  'from',
]);
const EVALUATORS: Record<Language, ReadonlySet<string>> = {
  python: new Set(['exec', 'eval', 'compile']),
  javascript: new Set(['eval', 'Function', 'runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']),
  ruby: new Set(['eval', 'instance_eval', 'class_eval', 'module_eval', 'instance_exec']),
  perl: new Set(['eval']),
  php: new Set(['eval', 'assert', 'create_function', 'call_user_func', 'call_user_func_array']),
  lua: new Set(['load', 'loadstring', 'dostring']),
  r: new Set(['eval', 'parse']),
};

/** The tokens of the bracketed group opening at `open`, without the brackets. */
function inside(tokens: readonly CodeToken[], match: Int32Array, open: number): CodeToken[] {
  const close = match[open]!;
  return close > open ? tokens.slice(open + 1, close) : [];
}

/** The literal a group resolves to, or undefined when any part is only known at run time. */
function literal(group: CodeToken[], bindings: Bindings): string | undefined {
  const first = group.findIndex((t) => t.kind === 'punct' && t.value === ',');
  const head = first === -1 ? group : group.slice(0, first);
  const value = resolveString(head, bindings);
  return value === undefined || value.includes(UNKNOWN_PART) ? undefined : value;
}

/** Second argument of a call group (`getattr(obj, NAME)`). */
function secondArgument(group: CodeToken[]): CodeToken[] {
  let depth = 0;
  for (let i = 0; i < group.length; i++) {
    const v = group[i]!.value;
    if (group[i]!.kind === 'punct' && (v === '(' || v === '[' || v === '{')) depth++;
    else if (group[i]!.kind === 'punct' && (v === ')' || v === ']' || v === '}')) depth--;
    else if (depth === 0 && group[i]!.kind === 'punct' && v === ',') {
      const rest = group.slice(i + 1);
      const end = rest.findIndex((t) => t.kind === 'punct' && t.value === ',');
      return end === -1 ? rest : rest.slice(0, end);
    }
  }
  return [];
}

/**
 * One dynamic reach. `computed`: its name or body is only known at run time (everyday in big
 * scripts and bundles, e.g. a plugin loader's `require(name)`), as opposed to a literal reach for a
 * dangerous name by an indirect route (`getattr(shutil, 'rmt' + 'ree')`), which no honest one-liner
 * or script needs.
 */
export interface DynamicReach {
  what: string;
  computed: boolean;
}

export function dynamicCalls(tokens: readonly CodeToken[], language: Language, bindings: Bindings): DynamicReach[] {
  const found: DynamicReach[] = [];
  const match = matchBrackets(tokens);
  const idents = new Set(tokens.filter((t) => t.kind === 'ident').map((t) => t.value));
  const say = (what: string, computed = /run time/.test(what)) => {
    if (!found.some((f) => f.what === what)) found.push({ what, computed });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const calls = next?.kind === 'punct' && next.value === '(';
    if (t.kind === 'ident' && calls && (INTERESTING_CALLS.has(t.value) || EVALUATORS[language].has(t.value))) {
      // Only calls worth a look are sliced and resolved: everything else stays one pass over the tokens.
      const group = inside(tokens, match, i + 1);
      const name = literal(group, bindings);
      if (
        t.value === '__import__' ||
        (t.value === 'import_module' && prev?.value === '.') ||
        (t.value === 'require' && language === 'javascript') ||
        (t.value === 'import' && language === 'javascript')
      ) {
        if (name === undefined) say(`${t.value}(…) of a module named at run time`);
        else if (t.value !== 'require' && t.value !== 'import' && DANGEROUS_MODULES.test(name)) say(`${t.value}('${name}')`);
      }
      if (
        t.value === 'getattr' ||
        t.value === 'hasattr' ||
        t.value === 'method' ||
        t.value === 'instance_method' ||
        t.value === 'const_get' ||
        t.value === 'Reflect'
      ) {
        const attr = t.value === 'getattr' ? literal(secondArgument(group), bindings) : name;
        if (attr === undefined) say(`${t.value}(…) of a name built at run time`);
        else if (DANGEROUS_ATTRIBUTES.test(attr.replace(/^:/, '')) || (t.value === 'const_get' && DANGEROUS_CONSTANTS.test(attr)))
          say(`${t.value}(…, '${attr}')`);
      }
      if ((t.value === 'send' || t.value === 'public_send' || t.value === '__send__') && prev?.value === '.' && language === 'ruby') {
        const symbol = group[0]?.kind === 'punct' && group[0].value === ':' ? group[1] : group[0];
        const known = symbol && (symbol.kind === 'string' || symbol.kind === 'ident');
        if (!known || DANGEROUS_ATTRIBUTES.test(symbol.value.replace(/^:/, ''))) say(`.${t.value}(${symbol ? symbol.value : '…'})`, !known);
      }
      if (EVALUATORS[language].has(t.value) && !(prev?.value === '.' && language === 'python')) {
        if (group.length && name === undefined) say(`${t.value}(…) of code built at run time`);
      }
      if (language === 'javascript' && t.value === 'Function' && prev?.value === 'new' && group.length && name === undefined)
        say('new Function(…) of code built at run time');
    }
    // Perl/Ruby/PHP `eval "$code …"` without parentheses: an interpolated string or a variable.
    if (
      t.kind === 'ident' &&
      EVALUATORS[language].has(t.value) &&
      !calls &&
      next &&
      !next.newline &&
      ((next.kind === 'string' && next.interpolated) || (next.kind === 'ident' && /^[$@]/.test(next.value)))
    )
      say(`${t.value} of code built at run time`);
    // `globalThis['req' + 'uire']`, `process['main' + 'Module']`, `globals()[name]`, `sys.modules[x]`.
    if (t.kind === 'punct' && t.value === '[' && prev && (prev.kind === 'ident' || prev.value === ')')) {
      const receiver = prev.value === ')' ? tokens[match[i - 1]! - 1]?.value : prev.value;
      if (
        receiver &&
        /^(globalThis|global|window|self|process|module|require|globals|locals|vars|modules|__builtins__|builtins|__dict__|Kernel|Object|constructor)$/.test(
          receiver,
        )
      ) {
        const key = literal(inside(tokens, match, i), bindings);
        if (key === undefined || DANGEROUS_ATTRIBUTES.test(key) || DANGEROUS_MODULES.test(key) || key === 'mainModule' || key === 'binding')
          say(`${receiver}[${key === undefined ? '…' : `'${key}'`}]`, key === undefined);
      }
    }
    // Loader back doors: `process.mainModule.require`, `process.binding`, `module.constructor._load`, `createRequire`.
    if (
      t.kind === 'ident' &&
      (t.value === 'mainModule' || t.value === '_load' || t.value === 'binding' || t.value === 'dlopen' || t.value === 'createRequire') &&
      prev?.value === '.' &&
      language === 'javascript'
    )
      say(`.${t.value}`);
    // PowerShell's Invoke-Expression inside code handed to pwsh through an interpreter.
    if (t.kind === 'ident' && /^(iex|Invoke-Expression)$/i.test(t.value) && language !== 'python') say(t.value);
  }
  // An HTTP request whose body is read from a file or decoded at run time.
  const sends = [...idents].some((id) => HTTP_SENDS.has(id)) || idents.has('HTTP');
  const reads =
    [...idents].some((id) => FILE_READS.has(id)) ||
    (idents.has('open') && (idents.has('read') || idents.has('load'))) ||
    (idents.has('File') && idents.has('read')) ||
    (idents.has('Bun') && idents.has('file'));
  const decodes =
    [...idents].some((id) => DECODES.has(id) && id !== 'from' && id !== 'loads') ||
    (idents.has('Buffer') && idents.has('from') && tokens.some((x) => x.kind === 'string' && /^(base64|hex|base64url)$/.test(x.value)));
  const url = tokens.some((x) => x.kind === 'string' && /^https?:\/\/(?!(localhost|127\.|\[::1\]|0\.0\.0\.0)[:/])/.test(x.value));
  if (sends && url && reads) say('an HTTP request whose body is read from a file', true);
  if (sends && url && decodes) say('an HTTP request whose body is decoded at run time', true);
  return found;
}
