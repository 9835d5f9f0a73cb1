import { optionValues, parseOptions } from '../../argv';
import { looksLikeUrl } from '../hosts';
import { fileBody, type HttpBody, type HttpRequest, type RequestInput } from '../request';

const WGET_VALUED = [
  '-O',
  '-o',
  '-a',
  '-e',
  '-t',
  '-T',
  '-w',
  '-P',
  '-U',
  '-i',
  '-B',
  '-Q',
  '-l',
  '-A',
  '-R',
  '-D',
  '-I',
  '-X',
  '--output-document',
  '--output-file',
  '--append-output',
  '--execute',
  '--tries',
  '--timeout',
  '--wait',
  '--directory-prefix',
  '--user-agent',
  '--input-file',
  '--base',
  '--quota',
  '--level',
  '--accept',
  '--reject',
  '--domains',
  '--include-directories',
  '--exclude-directories',
  '--method',
  '--body-data',
  '--body-file',
  '--post-data',
  '--post-file',
  '--header',
  '--user',
  '--password',
  '--http-user',
  '--http-password',
  '--load-cookies',
  '--save-cookies',
  '--referer',
  '--limit-rate',
  '--bind-address',
  '--ca-certificate',
  '--certificate',
  '--private-key',
];

export function readWgetRequests(input: RequestInput): HttpRequest[] {
  const parsed = parseOptions(input.args, { valued: WGET_VALUED, singleDashLong: true });
  const bodies: HttpBody[] = [];
  for (const text of optionValues(parsed, '--post-data', '--body-data')) bodies.push({ kind: 'text', text, from: '--post-data' });
  for (const path of optionValues(parsed, '--post-file', '--body-file')) bodies.push(fileBody(input, path, '--post-file'));
  const explicit = optionValues(parsed, '--method').pop();
  const method = explicit ? explicit.toUpperCase() : optionValues(parsed, '--post-data', '--post-file').length ? 'POST' : 'GET';
  const urls = parsed.positionals.filter(looksLikeUrl);
  return [{ method, urls: urls.length ? urls : parsed.positionals, bodies }];
}
