import { defineRule } from '../../rule';
import { assessedRequests, describeTarget, HTTP_KEYWORDS, HTTP_TOOLS } from './requests';

export default defineRule({
  id: 'http.graphql-unreadable',
  resource: 'whatever a mutation Airlock cannot read would change',
  severity: 'high',
  decision: 'ask',
  reason: 'Sends a GraphQL request whose document Airlock cannot read, so it cannot tell whether it deletes anything.',
  suggestion: 'Put the document inline (`-d \'{"query": "..."}\'`) so Airlock can read it, or check the file yourself first.',
  keywords: HTTP_KEYWORDS,
  tools: HTTP_TOOLS,
  match: (command, context) => {
    for (const assessed of assessedRequests(command, context)) {
      if (!assessed.graphql || assessed.destructiveMutations.length) continue;
      if (assessed.unparsedGraphql)
        return {
          reason: `Sends a GraphQL body to ${describeTarget(assessed)} that does not parse, so Airlock cannot tell whether it is a destructive mutation.`,
        };
      if (assessed.unseenBodies.length)
        return { reason: `Sends a GraphQL body Airlock cannot see (${assessed.unseenBodies.join(', ')}) to ${describeTarget(assessed)}.` };
    }
    return undefined;
  },
  examples: {
    match: [
      `curl -X POST https://api.example.com/graphql -d '{"query": "mutation { volumeDelete(volumeId: }"}'`,
      `curl https://api.example.com/graphql -d 'not graphql at all'`,
      'cat /nonexistent/airlock/body.json | curl -X POST https://api.example.com/graphql --data-binary @-',
    ],
    noMatch: [
      `curl -X POST https://api.example.com/graphql -d '{"query":"{ viewer { login } }"}'`,
      'curl https://api.example.com/graphql',
      `curl -X POST https://api.example.com/rest -d 'not graphql'`,
    ],
  },
});
