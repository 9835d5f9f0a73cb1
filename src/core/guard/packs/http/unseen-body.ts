import { defineRule } from '../../rule';
import { assessedRequests, describeTarget, HTTP_KEYWORDS, HTTP_TOOLS } from './requests';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export default defineRule({
  id: 'http.unseen-body',
  resource: 'whatever the request changes at the provider',
  severity: 'high',
  decision: 'ask',
  reason:
    'Sends a request body Airlock cannot read: a file that is missing, not a regular file (a FIFO, a device, a folder), unreadable or too large, sent with POST, PUT, PATCH or DELETE to any host but this machine; or a body piped from something unseen to a provider API that can delete infrastructure.',
  suggestion: 'Pass the body inline, or from a file Airlock can read, so it can check what the request does.',
  keywords: HTTP_KEYWORDS,
  tools: HTTP_TOOLS,
  match: (command, context) => {
    for (const assessed of assessedRequests(command, context)) {
      const provider = assessed.targets.find((t) => t.provider);
      const unknownHost = assessed.targets.find((t) => !t.host);
      if (assessed.request.opaqueOptions && (assessed.targets.length === 0 || !assessed.targets.every((t) => t.loopback))) {
        return { reason: `Takes request options from ${assessed.request.opaqueOptions}, which Airlock does not read: the URL, method and body are unknown.` };
      }
      if (!assessed.unseenBodies.length || assessed.graphql) continue; // GraphQL endpoints have their own rule
      // A body file Airlock cannot read may hold anything: never guess that a state-changing call is harmless.
      const file = assessed.unreadableFiles[0];
      if (file && STATE_CHANGING.has(assessed.request.method) && !(assessed.targets.length > 0 && assessed.targets.every((t) => t.loopback))) {
        return {
          reason: `Sends ${assessed.request.method} to ${describeTarget(assessed)} with the body of ${file.path}, which ${file.why}: Airlock cannot read what the request would change.`,
        };
      }
      const bodies = assessed.unseenBodies.join(', ');
      if (provider) return { reason: `Sends a body Airlock cannot see (${bodies}) to ${provider.host} (${provider.provider}): it may delete infrastructure.` };
      if (unknownHost) return { reason: `Sends a body Airlock cannot see (${bodies}) to ${unknownHost.url}, whose host is not known until it runs.` };
    }
    return undefined;
  },
  examples: {
    match: [
      'curl -X POST https://backboard.railway.app/v1/projects -d @missing-body.json',
      'curl -X POST https://api.fly.io/v1/apps -d @/nonexistent/body.json',
      'some-generator | curl -X POST https://api.vercel.com/v9/projects --data-binary @-',
      'curl -K /nonexistent/curl.conf',
      'curl -X POST https://api.fly.io/v1/apps -d "$BODY"',
      'curl -X POST https://api.example.com/v1/admin --data-binary @/nonexistent/airlock/body.json',
      'curl -X PUT https://api.example.com/v1/config -d @/dev/null/body.json',
      'curl -X DELETE https://api.example.com/v1/items -d @/tmp',
      'wget --method=PATCH --body-file=/nonexistent/airlock/patch.json https://api.example.com/v1/items/7',
      'http POST https://api.example.com/v1/items @/nonexistent/airlock/item.json',
    ],
    noMatch: [
      'curl -X POST https://api.fly.io/v1/apps -d \'{"name":"x"}\'',
      'some-generator | curl -X POST https://example.com/upload --data-binary @-',
      'curl https://api.github.com/repos/owner/repo',
      'curl -X POST http://localhost:3000/v1/admin --data-binary @/nonexistent/airlock/body.json',
      'curl -G https://api.example.com/v1/search --data-urlencode q@/nonexistent/airlock/query.txt',
      'curl -X POST https://api.example.com/v1/files -F upload=@/nonexistent/airlock/report.pdf',
      'curl -T /nonexistent/airlock/report.pdf https://uploads.example.com/reports/',
    ],
  },
});
