import { defineRule } from '../../rule';
import { assessedRequests, describeTarget, HTTP_KEYWORDS, HTTP_TOOLS } from './requests';

/** The PocketOS incident: one `volumeDelete` mutation sent with curl to Railway's API. */
export default defineRule({
  id: 'http.graphql-destructive-mutation',
  resource: 'whatever the mutation deletes on the API it is sent to',
  severity: 'critical',
  decision: 'ask',
  reason: 'Sends a GraphQL mutation that deletes or destroys data.',
  suggestion: 'Check which environment the token belongs to and what else shares the resource; take a backup stored elsewhere first.',
  keywords: HTTP_KEYWORDS,
  tools: HTTP_TOOLS,
  match: (command, context) => {
    for (const assessed of assessedRequests(command, context)) {
      if (assessed.destructiveMutations.length === 0) continue;
      const fields = assessed.destructiveMutations.join(', ');
      return {
        reason: `Sends the GraphQL mutation ${fields} to ${describeTarget(assessed)}: it deletes or destroys data, and an API token does not care which environment you meant.`,
        resource: `what ${fields} deletes on ${describeTarget(assessed)}`,
      };
    }
    return undefined;
  },
  examples: {
    match: [
      `curl -X POST https://backboard.railway.app/graphql/v2 -H "Authorization: Bearer $RAILWAY_TOKEN" -H 'Content-Type: application/json' -d '{"query":"mutation { volumeDelete(volumeId: \\"v-123\\") }"}'`,
      `curl https://api.example.com/graphql --data-raw '{"query":"mutation Del($id: ID!) { deleteProject(id: $id) { id } }","variables":{"id":"p1"}}'`,
      `http POST https://backboard.railway.app/graphql/v2 query='mutation { serviceDelete(id: "s1") }'`,
      `gh api graphql -f query='mutation { deleteRepository(input: {repositoryId: "R_1"}) { clientMutationId } }'`,
      `curl -d 'mutation { purgeCache }' http://localhost:4000/graphql`,
    ],
    noMatch: [
      `curl -X POST https://backboard.railway.app/graphql/v2 -d '{"query":"query { me { projects { edges { node { name } } } } }"}'`,
      `curl https://api.example.com/graphql -d '{"query":"mutation { createProject(name: \\"x\\") { id } }"}'`,
      `curl -d '{"note":"mutation { volumeDelete }"}' https://example.com/notes`,
      'curl https://backboard.railway.app/graphql/v2',
    ],
  },
});
