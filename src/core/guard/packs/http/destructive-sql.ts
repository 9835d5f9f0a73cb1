import { defineRule } from '../../rule';
import { assessedRequests, describeTarget, HTTP_KEYWORDS, HTTP_TOOLS } from './requests';

export default defineRule({
  id: 'http.destructive-sql',
  resource: 'the tables the SQL drops or empties',
  severity: 'critical',
  decision: 'ask',
  reason: 'Sends SQL that drops or empties tables to a SQL-over-HTTP API.',
  suggestion: 'Take a dump first, and check which project and database the API token reaches.',
  keywords: HTTP_KEYWORDS,
  tools: HTTP_TOOLS,
  match: (command, context) => {
    for (const assessed of assessedRequests(command, context)) {
      const hazard = assessed.sqlHazards[0];
      if (hazard)
        return {
          reason: `Sends \`${hazard.statement}\` to ${describeTarget(assessed)}: it ${hazard.kind === 'drop' || hazard.kind === 'replace' || hazard.kind === 'alter-drop' ? 'drops' : hazard.kind === 'update-all' ? 'overwrites' : 'empties'} ${hazard.object}.`,
          resource: hazard.object,
        };
    }
    return undefined;
  },
  examples: {
    match: [
      `curl -X POST "https://api.supabase.com/v1/projects/$REF/database/query" -H "Authorization: Bearer $SUPABASE_ACCESS_TOKEN" -d '{"query":"DROP TABLE bookings"}'`,
      { line: `curl 'http://clickhouse.internal:8123/?query=TRUNCATE%20TABLE%20events'`, decision: 'ask' },
      `echo 'DROP DATABASE analytics' | curl --data-binary @- http://localhost:8123/`,
      `curl https://db.example.com/sql -d '{"statements":["SELECT 1","DELETE FROM sessions"]}'`,
    ],
    noMatch: [
      `curl -X POST "https://api.supabase.com/v1/projects/$REF/database/query" -d '{"query":"SELECT count(*) FROM bookings"}'`,
      { line: `curl -X POST https://search.example.com/1/indexes/products/query -d '{"query":"drop shipping"}'`, decision: 'allow' },
      `curl -X POST https://search.example.com/1/indexes/products/query -d '{"query":"truncate long titles"}'`,
      `curl 'http://clickhouse.internal:8123/?query=SELECT%201'`,
    ],
  },
});
