import { optionValues, parsedHasOption, parseOptions } from '../../argv';
import { fileBody, type HttpBody, type HttpRequest, type RequestInput, stdinBody } from '../request';

/** Options of HTTPie (`http`, `https`) and xh (`xh`, `xhs`) that take a value. */
const HTTPIE_VALUED = [
  '-a',
  '-A',
  '-o',
  '-s',
  '-p',
  '-P',
  '--auth',
  '--auth-type',
  '--output',
  '--session',
  '--session-read-only',
  '--verify',
  '--cert',
  '--cert-key',
  '--cert-key-pass',
  '--proxy',
  '--timeout',
  '--pretty',
  '--style',
  '--print',
  '--history-print',
  '--raw',
  '--boundary',
  '--format-options',
  '--max-redirects',
  '--max-headers',
  '--ssl',
  '--ciphers',
  '--default-scheme',
  '--response-charset',
  '--response-mime',
  '--bearer',
  '--http-version',
  '--resolve',
  '--interface',
  '--unix-socket',
];
const METHOD = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT|PURGE|[A-Z]+)$/;
/** Request-item separators, longest first at any one position. */
const SEPARATORS = [':=@', '=@', '==', ':=', '=', '@', ':'];

export function readHttpieRequests(input: RequestInput, tool: string): HttpRequest[] {
  const parsed = parseOptions(input.args, { valued: HTTPIE_VALUED });
  if (parsedHasOption(parsed, '--offline')) return [];
  const words = [...parsed.positionals];
  let method: string | undefined;
  if (
    words.length >= 2 &&
    METHOD.test(words[0]!.toUpperCase()) &&
    /^[A-Za-z]+$/.test(words[0]!) &&
    (tool.startsWith('xh') || words[0] === words[0]!.toUpperCase())
  ) {
    method = words.shift()!.toUpperCase();
  }
  const rawUrl = words.shift();
  if (rawUrl === undefined) return [];
  const url =
    /^[a-z][a-z0-9+.-]*:\/\//i.test(rawUrl) || rawUrl.startsWith(':') ? rawUrl : `${tool === 'https' || tool === 'xhs' ? 'https' : 'http'}://${rawUrl}`;
  const fields: Record<string, unknown> = {};
  const bodies: HttpBody[] = [];
  let hasData = false;
  for (const item of words) {
    const [key, separator, value] = splitItem(item);
    if (separator === '=') {
      fields[key] = value;
      hasData = true;
    } else if (separator === ':=') {
      fields[key] = parseJsonOr(value);
      hasData = true;
    } else if (separator === '@' && key === '') {
      bodies.push(fileBody(input, value, '@'));
      hasData = true;
    } // `@data.json`: the whole body, as if on stdin
    else if (separator === '@')
      hasData = true; // a file uploaded as it is (multipart): not a body to read
    else if (separator === '=@' || separator === ':=@') {
      const body = fileBody(input, value, `${key}${separator}`);
      hasData = true;
      if (body.kind === 'text') fields[key] = separator === ':=@' ? parseJsonOr(body.text) : body.text;
      else bodies.push(body);
    }
  }
  if (Object.keys(fields).length) bodies.push({ kind: 'text', text: JSON.stringify(fields), from: 'request items' });
  for (const raw of optionValues(parsed, '--raw')) {
    bodies.push({ kind: 'text', text: raw, from: '--raw' });
    hasData = true;
  }
  if (!hasData && input.stdin && !parsedHasOption(parsed, '--ignore-stdin', '-I')) {
    bodies.push(stdinBody(input, 'standard input'));
    hasData = true;
  }
  return [{ method: method ?? (hasData ? 'POST' : 'GET'), urls: [url], bodies }];
}

function splitItem(item: string): [string, string, string] {
  for (let i = 0; i < item.length; i++) {
    if (item[i] === '\\') {
      i++;
      continue;
    }
    for (const sep of SEPARATORS) if (item.startsWith(sep, i)) return [item.slice(0, i), sep, item.slice(i + sep.length)];
  }
  return [item, '', ''];
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
