import { analyseSql, type SqlHazard } from '../sql/analyse';

/**
 * SQL sent over HTTP: SQL APIs take it in a JSON field (`{"query": "DROP TABLE x"}`: Supabase's
 * and Neon's query endpoints, Databricks, Snowflake), as a form or URL parameter (ClickHouse's
 * `?query=`), or as the raw body (`echo 'TRUNCATE t' | curl --data-binary @- http://ch:8123/`).
 * The hazards are those `psql -c` would have.
 */
const SQL_FIELDS = new Set(['query', 'sql', 'statement', 'statements', 'command', 'q']);
/**
 * A statement that is unmistakably SQL, not a search for "drop shipping": a field named `query`
 * is only read as SQL when one of its `;`-separated parts starts like this.
 */
const SQL_STATEMENT =
  /^\s*(DROP\s+(TABLE|DATABASE|SCHEMA|KEYSPACE|VIEW|INDEX|MATERIALIZED|TEMPORARY|TEMP|SEQUENCE|IF)\b|TRUNCATE\s+(TABLE\s+)?[\w."`]+\s*$|DELETE\s+FROM\b|UPDATE\s+[\w."`]+\s+SET\b|ALTER\s+TABLE\b|CREATE\s+OR\s+REPLACE\s+TABLE\b|WITH\s+\w+\s+AS\s*\()/i;
const MAX_FIELDS = 64;

function looksLikeSql(text: string): boolean {
  return text.split(';', MAX_FIELDS).some((part) => SQL_STATEMENT.test(part));
}

export function sqlHazardsInBody(body: string): SqlHazard[] {
  const text = body.trim();
  if (!text) return [];
  if (text[0] === '{' || text[0] === '[') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [];
    }
    return sqlFields(json)
      .filter(looksLikeSql)
      .flatMap((sql) => analyseSql(sql).hazards);
  }
  if (looksLikeSql(text)) return analyseSql(text).hazards;
  if (/^[\w.-]+=/.test(text)) return sqlHazardsInParams(text);
  return [];
}

/** `query=DROP%20TABLE%20x` in a form body or a URL's query string. */
export function sqlHazardsInParams(params: string): SqlHazard[] {
  const hazards: SqlHazard[] = [];
  for (const [key, value] of new URLSearchParams(params)) if (SQL_FIELDS.has(key) && looksLikeSql(value)) hazards.push(...analyseSql(value).hazards);
  return hazards;
}

/** String fields named like SQL at the top level of an object, or of each object in an array. */
function sqlFields(json: unknown): string[] {
  const items = Array.isArray(json) ? json.slice(0, MAX_FIELDS) : [json];
  const out: string[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const [key, value] of Object.entries(item as Record<string, unknown>).slice(0, MAX_FIELDS)) {
      if (SQL_FIELDS.has(key) && typeof value === 'string') out.push(value);
      if (SQL_FIELDS.has(key) && Array.isArray(value)) out.push(...value.filter((v): v is string => typeof v === 'string').slice(0, MAX_FIELDS));
    }
  }
  return out;
}
