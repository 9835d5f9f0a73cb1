import { type ParsedArgs, parseOptions } from '../../argv';
import { looksLikeUrl } from '../hosts';
import { fileBody, type HttpBody, type HttpRequest, type RequestInput } from '../request';
import { readPowershellRequest } from './powershell';

/** curl's options that take a value (short and long), so the words left over are its URLs. */
const CURL_VALUED = [
  '-A',
  '-b',
  '-c',
  '-C',
  '-d',
  '-D',
  '-e',
  '-E',
  '-F',
  '-H',
  '-K',
  '-m',
  '-o',
  '-P',
  '-Q',
  '-r',
  '-t',
  '-T',
  '-u',
  '-U',
  '-w',
  '-x',
  '-X',
  '-y',
  '-Y',
  '-z',
  '--abstract-unix-socket',
  '--alt-svc',
  '--aws-sigv4',
  '--cacert',
  '--capath',
  '--cert',
  '--cert-type',
  '--ciphers',
  '--config',
  '--connect-timeout',
  '--connect-to',
  '--continue-at',
  '--cookie',
  '--cookie-jar',
  '--create-file-mode',
  '--crlfile',
  '--curves',
  '--data',
  '--data-ascii',
  '--data-binary',
  '--data-raw',
  '--data-urlencode',
  '--delegation',
  '--dns-interface',
  '--dns-ipv4-addr',
  '--dns-ipv6-addr',
  '--dns-servers',
  '--doh-url',
  '--dump-header',
  '--ech',
  '--egd-file',
  '--engine',
  '--etag-compare',
  '--etag-save',
  '--expect100-timeout',
  '--form',
  '--form-string',
  '--ftp-account',
  '--ftp-alternative-to-user',
  '--ftp-method',
  '--ftp-port',
  '--happy-eyeballs-timeout-ms',
  '--haproxy-clientip',
  '--header',
  '--hostpubmd5',
  '--hostpubsha256',
  '--hsts',
  '--interface',
  '--ip-tos',
  '--ipfs-gateway',
  '--json',
  '--keepalive-time',
  '--keepalive-cnt',
  '--key',
  '--key-type',
  '--krb',
  '--libcurl',
  '--limit-rate',
  '--local-port',
  '--login-options',
  '--mail-auth',
  '--mail-from',
  '--mail-rcpt',
  '--max-filesize',
  '--max-redirs',
  '--max-time',
  '--netrc-file',
  '--noproxy',
  '--oauth2-bearer',
  '--output',
  '--output-dir',
  '--parallel-max',
  '--pass',
  '--pinnedpubkey',
  '--preproxy',
  '--proto',
  '--proto-default',
  '--proto-redir',
  '--proxy',
  '--proxy-cacert',
  '--proxy-capath',
  '--proxy-cert',
  '--proxy-cert-type',
  '--proxy-ciphers',
  '--proxy-crlfile',
  '--proxy-header',
  '--proxy-key',
  '--proxy-key-type',
  '--proxy-pass',
  '--proxy-pinnedpubkey',
  '--proxy-service-name',
  '--proxy-tls13-ciphers',
  '--proxy-tlsauthtype',
  '--proxy-tlspassword',
  '--proxy-tlsuser',
  '--proxy-user',
  '--proxy1.0',
  '--pubkey',
  '--quote',
  '--random-file',
  '--range',
  '--rate',
  '--referer',
  '--request',
  '--request-target',
  '--resolve',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '--sasl-authzid',
  '--service-name',
  '--socks4',
  '--socks4a',
  '--socks5',
  '--socks5-hostname',
  '--socks5-gssapi-service',
  '--speed-limit',
  '--speed-time',
  '--stderr',
  '--telnet-option',
  '--tftp-blksize',
  '--time-cond',
  '--tls-max',
  '--tls13-ciphers',
  '--tlsauthtype',
  '--tlspassword',
  '--tlsuser',
  '--trace',
  '--trace-ascii',
  '--trace-config',
  '--unix-socket',
  '--upload-file',
  '--url',
  '--url-query',
  '--user',
  '--user-agent',
  '--variable',
  '--write-out',
];
/** Multipart fields whose uploaded file is a GraphQL request (`-F query=@q.graphql`, `-F operations=@ops.json`), not an opaque upload. */
const GRAPHQL_FORM_FIELDS = new Set(['query', 'operations']);
const DATA_OPTIONS = new Set(['-d', '--data', '--data-ascii', '--data-binary']);

/** Each request of a curl command line (`--next` starts another). */
export function readCurlRequests(input: RequestInput): HttpRequest[] {
  if (input.args.some((a) => /^-(Uri|Method|Body|InFile)$/i.test(a))) return readPowershellRequest(input); // PowerShell's curl alias
  const requests: HttpRequest[] = [];
  let segment: string[] = [];
  for (const arg of [...input.args, '--next']) {
    if (arg === '--next' || arg === '-:') {
      if (segment.length) requests.push(readOne(parseOptions(segment, { valued: CURL_VALUED }), input));
      segment = [];
    } else segment.push(arg);
  }
  return requests;
}

function readOne(parsed: ParsedArgs, input: RequestInput): HttpRequest {
  const bodies: HttpBody[] = [];
  let method: string | undefined;
  let implied = 'GET';
  let get = false;
  let opaqueOptions: string | undefined;
  const urls: string[] = [];
  for (const { name, value } of parsed.options) {
    if (name === '-X' || name === '--request') {
      if (value) method = value.toUpperCase();
      continue;
    }
    if (name === '-I' || name === '--head') {
      implied = 'HEAD';
      continue;
    }
    if (name === '-G' || name === '--get') {
      get = true;
      continue;
    }
    if (name === '--url') {
      if (value) urls.push(value);
      continue;
    }
    if (name === '-K' || name === '--config') {
      opaqueOptions = `${name} ${value ?? ''}`.trim();
      continue;
    }
    if (value === undefined) continue;
    if (DATA_OPTIONS.has(name) || name === '--json') {
      if (implied !== 'HEAD') implied = 'POST';
      bodies.push(value.startsWith('@') ? fileBody(input, value.slice(1), name) : { kind: 'text', text: value, from: name });
    } else if (name === '--data-raw') {
      implied = 'POST';
      bodies.push({ kind: 'text', text: value, from: name });
    } else if (name === '--data-urlencode') {
      implied = 'POST';
      bodies.push(urlencodedPart(input, value));
    } else if (name === '-F' || name === '--form' || name === '--form-string') {
      implied = 'POST';
      const eq = value.indexOf('=');
      const content = eq >= 0 ? value.slice(eq + 1) : value;
      // `name=@file` uploads a file as it is (an archive, an image): the request's intent is in its
      // URL and other fields, not in the file. `name=<file` makes the file's text a field: read it.
      if (name !== '--form-string' && content.startsWith('<')) bodies.push(fileBody(input, content.slice(1).split(';')[0]!, name));
      // Except a GraphQL document sent as the `query` field, or the multipart spec's `operations`: that file is the request.
      else if (name !== '--form-string' && content.startsWith('@') && eq > 0 && GRAPHQL_FORM_FIELDS.has(value.slice(0, eq)))
        bodies.push(fileBody(input, content.slice(1).split(';')[0]!, name));
      else if (name === '--form-string' || !content.startsWith('@')) bodies.push({ kind: 'text', text: content, from: name });
    } else if (name === '-T' || name === '--upload-file') {
      implied = 'PUT'; // uploads a file as it is, like `-F name=@file`
    }
  }
  const positionalUrls = parsed.positionals.filter(looksLikeUrl);
  urls.push(...(positionalUrls.length ? positionalUrls : parsed.positionals));
  return { method: method ?? (get ? 'GET' : implied), urls, bodies, ...(opaqueOptions ? { opaqueOptions } : {}) };
}

/** `--data-urlencode`: `content`, `=content`, `name=content`, `@file`, `name@file`. */
function urlencodedPart(input: RequestInput, value: string): HttpBody {
  const at = value.indexOf('@');
  const eq = value.indexOf('=');
  if (at >= 0 && (eq < 0 || at < eq)) return fileBody(input, value.slice(at + 1), '--data-urlencode');
  return { kind: 'text', text: eq > 0 ? `${value.slice(0, eq)}=${value.slice(eq + 1)}` : value.slice(eq + 1), from: '--data-urlencode' };
}
