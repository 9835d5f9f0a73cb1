import { defineRule } from '../../rule';
import { assessedRequests, HTTP_KEYWORDS, HTTP_TOOLS } from './requests';

/** POST endpoints whose path says they delete: Elasticsearch `_delete_by_query`, Jenkins `doDelete`. */
const DELETING_PATH = /\/(_delete_by_query|doDelete|_delete|delete|destroy|purge|wipe)(\/|\?|$)/i;

export default defineRule({
  id: 'http.rest-delete',
  resource: 'the resource at the URL',
  severity: 'high',
  decision: 'ask',
  reason: 'Sends an HTTP DELETE to a remote API.',
  suggestion: 'GET the resource first to confirm it is the one you mean, and check which environment the host and token belong to.',
  keywords: HTTP_KEYWORDS,
  tools: HTTP_TOOLS,
  match: (command, context) => {
    for (const assessed of assessedRequests(command, context)) {
      const method = assessed.request.method;
      for (const target of assessed.targets) {
        if (target.loopback) continue;
        const where = target.host ? `${target.host}${target.provider ? ` (${target.provider})` : ''}` : `${target.url} (host not known until it runs)`;
        if (method === 'DELETE') return { reason: `Sends an HTTP DELETE to ${where}: the resource at ${target.path} is removed.`, resource: target.url };
        if (method.includes('$'))
          return { reason: `Sends a request to ${where} with a method only known when the line runs (${method}): it may be a DELETE.`, resource: target.url };
        if (method === 'POST' && DELETING_PATH.test(target.path)) {
          return { reason: `Sends a POST to ${where} at ${target.path}, an endpoint that deletes.`, resource: target.url };
        }
      }
    }
    return undefined;
  },
  examples: {
    match: [
      'curl -X DELETE https://api.heroku.com/apps/my-app',
      'curl --request DELETE "https://api.cloudflare.com/client/v4/zones/$ZONE/dns_records/$ID"',
      'curl -XDELETE https://opensearch.local:9200/logs-2024',
      'http DELETE api.example.com/users/1',
      'xh delete https://api.example.com/users/1',
      { line: 'wget --method=DELETE https://api.example.com/items/7', decision: 'ask' },
      'gh api -X DELETE /repos/owner/repo',
      { line: 'Invoke-RestMethod -Method Delete -Uri https://api.example.com/items/7', decision: 'ask' },
      'curl -X DELETE "$API_URL/items/7"',
      'curl -X POST http://jenkins.example.com/job/deploy-prod/doDelete',
      { line: 'curl -X "$METHOD" https://api.example.com/items/7', decision: 'ask' },
    ],
    noMatch: [
      'curl https://api.example.com/items/7',
      'curl -X DELETE http://localhost:9200/logs-2024',
      'curl -X DELETE http://127.0.0.1:8080/items/7',
      'http :3000/items/7',
      'curl -X POST https://api.example.com/items -d name=x',
      'wget https://example.com/file.tar.gz',
    ],
  },
});
