import { fileBody, type HttpBody, type HttpRequest, type RequestInput } from '../request';

/** Invoke-RestMethod / Invoke-WebRequest parameters; PowerShell accepts any unambiguous prefix. */
const PARAMETERS = [
  'Uri',
  'Method',
  'Body',
  'InFile',
  'ContentType',
  'Headers',
  'Credential',
  'OutFile',
  'Form',
  'WebSession',
  'SessionVariable',
  'Token',
  'Authentication',
  'TimeoutSec',
  'UserAgent',
  'ErrorAction',
  'MaximumRedirection',
  'Proxy',
  'ProxyCredential',
  'CustomMethod',
  'CertificateThumbprint',
  'Certificate',
  'TransferEncoding',
  'MaximumRetryCount',
  'RetryIntervalSec',
  'ConnectionTimeoutSeconds',
];
const SWITCHES = [
  'UseBasicParsing',
  'SkipCertificateCheck',
  'PassThru',
  'DisableKeepAlive',
  'UseDefaultCredentials',
  'SkipHttpErrorCheck',
  'Resume',
  'AllowUnencryptedAuthentication',
  'SkipHeaderValidation',
  'NoProxy',
  'PreserveAuthorizationOnRedirect',
  'AllowInsecureRedirect',
  'FollowRelLink',
  'ProxyUseDefaultCredentials',
  'Verbose',
  'Debug',
];

function parameterName(word: string): { name: string; inline?: string } | undefined {
  const m = /^-([A-Za-z]+)(?::(.*))?$/.exec(word);
  if (!m) return undefined;
  const prefix = m[1]!.toLowerCase();
  const exact = [...PARAMETERS, ...SWITCHES].find((p) => p.toLowerCase() === prefix);
  const name = exact ?? [...PARAMETERS, ...SWITCHES].find((p) => p.toLowerCase().startsWith(prefix));
  return name ? { name, ...(m[2] !== undefined ? { inline: m[2] } : {}) } : { name: m[1]! };
}

export function readPowershellRequest(input: RequestInput): HttpRequest[] {
  const values = new Map<string, string>();
  const positionals: string[] = [];
  const args = input.args;
  for (let i = 0; i < args.length; i++) {
    const parameter = parameterName(args[i]!);
    if (!parameter) {
      positionals.push(args[i]!);
      continue;
    }
    if (SWITCHES.includes(parameter.name)) continue;
    const value = parameter.inline ?? args[++i];
    if (value !== undefined) values.set(parameter.name, value);
  }
  const url = values.get('Uri') ?? positionals[0];
  const bodies: HttpBody[] = [];
  const body = values.get('Body');
  if (body !== undefined) {
    // A variable, a hashtable or an expression is computed at run time: Airlock cannot see it.
    bodies.push(/^[$@(]/.test(body.trim()) ? { kind: 'unseen', from: `-Body ${body.slice(0, 40)}` } : { kind: 'text', text: body, from: '-Body' });
  }
  const inFile = values.get('InFile');
  if (inFile !== undefined) bodies.push(fileBody(input, inFile, '-InFile'));
  const method = (values.get('CustomMethod') ?? values.get('Method') ?? 'GET').toUpperCase();
  return url ? [{ method, urls: [url], bodies }] : [];
}
