import { defineRule } from '../../rule';
import { assessedRequests, HTTP_KEYWORDS, HTTP_TOOLS } from './requests';

export default defineRule({
  id: 'http.unseen-body',
  resource: 'whatever the request changes at the provider',
  severity: 'high',
  decision: 'ask',
  reason: 'Sends a request body Airlock cannot read to a provider API that can delete infrastructure.',
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
    ],
    noMatch: [
      'curl -X POST https://api.fly.io/v1/apps -d \'{"name":"x"}\'',
      'some-generator | curl -X POST https://example.com/upload --data-binary @-',
      'curl https://api.github.com/repos/owner/repo',
    ],
  },
});
