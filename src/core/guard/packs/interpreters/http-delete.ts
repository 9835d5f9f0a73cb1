import { isLoopback, urlTarget } from '../../../http/hosts';
import { defineRule } from '../../rule';
import { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, isDynamic, programOf } from './program';

export default defineRule({
  id: 'interpreters.http-delete',
  resource: 'the resource at the URL',
  severity: 'high',
  decision: 'ask',
  reason: 'The program sends an HTTP DELETE to a remote API.',
  suggestion: 'GET the resource first to confirm it is the one you mean, and check which environment the host and token belong to.',
  keywords: INTERPRETER_KEYWORDS,
  tools: INTERPRETER_TOOLS,
  match: (command, context) => {
    const program = programOf(command, context);
    for (const request of program?.effects?.httpDeletes ?? []) {
      const url = request.url && !isDynamic(request.url) ? request.url : undefined;
      if (!url && program!.fromFile) continue;
      if (url && isLoopback(urlTarget(url).host)) continue;
      return { reason: `${request.call} sends an HTTP DELETE to ${url ?? 'a URL only known when the code runs'}.`, ...(url ? { resource: url } : {}) };
    }
    return undefined;
  },
  examples: {
    match: [
      `python -c "import requests; requests.delete('https://api.heroku.com/apps/shop')"`,
      `node -e "fetch('https://api.example.com/items/7', { method: 'DELETE' })"`,
      `node -e "const axios = require('axios'); axios.delete(process.env.API + '/items/7')"`,
    ],
    noMatch: [
      `python -c "import requests; print(requests.get('https://api.example.com').json())"`,
      `node -e "fetch('http://localhost:3000/items/7', { method: 'DELETE' })"`,
      `python -c "d = {}; d.pop('delete', None)"`,
    ],
  },
});
