import type { HttpRequest, RequestInput } from './request';
import { readCurlRequests } from './tools/curl';
import { readGhApiRequests } from './tools/gh';
import { readHttpieRequests } from './tools/httpie';
import { readPowershellRequest } from './tools/powershell';
import { readWgetRequests } from './tools/wget';

export type { HttpBody, HttpRequest, RequestInput } from './request';

/** Tools whose command lines send HTTP requests, by argv[0]. */
export const HTTP_TOOLS = [
  'curl',
  'wget',
  'http',
  'https',
  'xh',
  'xhs',
  'gh',
  'Invoke-RestMethod',
  'Invoke-WebRequest',
  'invoke-restmethod',
  'invoke-webrequest',
  'irm',
  'iwr',
];

/** The requests a command would send; empty when the tool sends none (`gh pr list`, `http --offline`). */
export function readRequests(tool: string, input: RequestInput): HttpRequest[] {
  switch (tool.toLowerCase()) {
    case 'curl':
      return readCurlRequests(input);
    case 'wget':
      return readWgetRequests(input);
    case 'http':
    case 'https':
    case 'xh':
    case 'xhs':
      return readHttpieRequests(input, tool.toLowerCase());
    case 'gh':
      return readGhApiRequests(input);
    case 'invoke-restmethod':
    case 'invoke-webrequest':
    case 'irm':
    case 'iwr':
      return readPowershellRequest(input);
    default:
      return [];
  }
}
