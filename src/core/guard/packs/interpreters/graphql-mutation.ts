import { defineRule } from '../../rule';
import { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, programOf } from './program';

export default defineRule({
  id: 'interpreters.graphql-mutation',
  resource: 'whatever the mutation deletes on the API it is sent to',
  severity: 'critical',
  decision: 'ask',
  reason: 'The program holds a GraphQL mutation that deletes or destroys data.',
  suggestion: 'Check which environment the token belongs to and what else shares the resource; take a backup stored elsewhere first.',
  keywords: INTERPRETER_KEYWORDS,
  tools: INTERPRETER_TOOLS,
  match: (command, context) => {
    const mutations = [...new Set(programOf(command, context)?.effects?.mutations ?? [])];
    return mutations.length ? { reason: `The program sends the GraphQL mutation ${mutations.join(', ')}: it deletes or destroys data.` } : undefined;
  },
  examples: {
    match: [
      `python3 -c "import requests,os; requests.post('https://backboard.railway.app/graphql/v2', json={'query': 'mutation { volumeDelete(volumeId: \\"v1\\") }'}, headers={'Authorization': 'Bearer ' + os.environ['RAILWAY_TOKEN']})"`,
      `node -e "fetch(url, {method: 'POST', body: JSON.stringify({query: 'mutation { projectDelete(id: \\"p1\\") }'})})"`,
    ],
    noMatch: [
      `python3 -c "import requests; requests.post('https://api.example.com/graphql', json={'query': 'mutation { createUser(name: \\"a\\") { id } }'})"`,
      `node -e "console.log('query { volumes { id } }')"`,
    ],
  },
});
