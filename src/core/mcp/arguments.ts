/**
 * An MCP tool call's arguments, judged by the same analysers as a command line: SQL (`{"sql":
 * "DROP TABLE bookings"}`, `execute_sql`, `apply_migration`), GraphQL (`volumeDelete` in a query),
 * HTTP (a fetch tool's DELETE, or a POST whose body is a destructive mutation), shell (`command`
 * strings, `args` arrays, a kubectl tool's args string), Redis (`["FLUSHALL"]`) and MongoDB
 * (`{"dropDatabase": 1}`). Every string in the input is looked at, whatever its key, for Claude
 * Code and Cursor alike. Bounded: deep or huge inputs are asked about, never skipped.
 */
import type { CheckResult, Finding } from '../findings';
import { analyseGraphqlBody } from '../http/graphql';
import { isLoopback, urlTarget } from '../http/hosts';
import { shellLine } from '../shell/quote';
import { analyseSql } from '../sql/analyse';
import { analyseMongoScript } from '../sql/mongo';
import { analyseRedisCommands } from '../sql/redis';
import { type Decision, stricterDecision } from '../types';

/** Checks a shell line with the full engine (the hook's own `assess`). */
export type AssessLine = (line: string) => Promise<CheckResult>;

export interface McpVerdict {
  check: CheckResult;
  /** What a person reads: the argument that matters, e.g. `sql: DROP TABLE bookings`. */
  summary: string;
}

const MAX_DEPTH = 12;
const MAX_VALUES = 2000;
const MAX_SHELL_LINES = 16;

/** Keys whose string value is a shell command line. */
const SHELL_KEYS = /^(command|cmd|script|commandline|command_line|shell|bash|sh|run|exec|line|cmdline)$/i;
/** Keys naming the program an `args` array is handed to. */
const PROGRAM_KEYS = /^(command|cmd|program|executable|binary|bin|file|tool|exe)$/i;
/** Keys whose value is an argv (array) or an argument string for a CLI the tool wraps. */
const ARGS_KEYS = /^(args|argv|arguments|params|cli_args|flags)$/i;
/** Keys whose string value is SQL. */
const SQL_KEYS = /^(sql|query|queries|statement|statements|migration|ddl|dml|script|sql_query|raw_sql|body|text|code)$/i;
/** Keys whose text is written or shown, not run: a file's content, a message, a diff. */
const DATA_KEYS =
  /^(content|contents|text|body|data|message|messages|description|comment|body_text|patch|diff|old_string|new_string|file_text|markdown|title|summary|notes?|prompt)$/i;
const SQL_START =
  /^\s*(--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(drop|truncate|delete|update|alter|create|insert|replace|merge|with|begin|start|do|execute|exec|call|grant|revoke|set|use|select|copy|vacuum)\b/i;
/** CLIs an MCP server may wrap, recognised in its tool name: `mcp__kubernetes__kubectl`, `run_terraform`. */
const WRAPPED_CLIS = [
  'kubectl',
  'helm',
  'docker',
  'git',
  'terraform',
  'tofu',
  'aws',
  'gcloud',
  'az',
  'railway',
  'flyctl',
  'fly',
  'heroku',
  'vercel',
  'netlify',
  'wrangler',
  'supabase',
  'pulumi',
  'doctl',
  'gh',
  'psql',
  'mysql',
  'redis-cli',
  'mongosh',
  'npm',
  'pnpm',
  'yarn',
  'make',
];
const TOOL_ALIASES: Record<string, string> = {
  kubernetes: 'kubectl',
  k8s: 'kubectl',
  github: 'gh',
  postgres: 'psql',
  postgresql: 'psql',
  redis: 'redis-cli',
  mongodb: 'mongosh',
  mongo: 'mongosh',
};

interface Found {
  decision: Exclude<Decision, 'allow'>;
  rule: string;
  reason: string;
  segment: string;
  findings?: Finding[];
}

/** The CLI a tool name says it wraps (`mcp__k8s__kubectl_apply` → kubectl), if any. */
export function wrappedCli(toolName: string): string | undefined {
  const words = toolName
    .toLowerCase()
    .split(/[^a-z0-9-]+|__/)
    .filter(Boolean);
  for (const word of words) {
    if (WRAPPED_CLIS.includes(word)) return word;
    if (TOOL_ALIASES[word]) return TOOL_ALIASES[word];
  }
  return undefined;
}

function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Walks every value of an MCP input, calling `visit` with the key path and value. Bounded. */
function walk(input: unknown, visit: (path: string[], value: unknown) => void): boolean {
  let count = 0;
  const go = (value: unknown, path: string[], depth: number): boolean => {
    if (++count > MAX_VALUES || depth > MAX_DEPTH) return false;
    visit(path, value);
    if (Array.isArray(value)) return value.every((v, i) => go(v, [...path, String(i)], depth + 1));
    if (value && typeof value === 'object') return Object.entries(value as Record<string, unknown>).every(([k, v]) => go(v, [...path, k], depth + 1));
    return true;
  };
  return go(input, [], 0);
}

function sqlFinding(text: string, where: string): Found | undefined {
  const analysis = analyseSql(text);
  const hazard = analysis.hazards[0];
  if (hazard)
    return {
      decision: 'ask',
      rule: 'mcp.sql-destructive',
      reason: `The tool runs SQL that destroys data: ${hazard.statement} (${hazard.object})`,
      segment: `${where}: ${clip(text)}`,
    };
  if (analysis.shellCommands.length)
    return {
      decision: 'ask',
      rule: 'mcp.sql-destructive',
      reason: `The tool runs SQL that runs shell commands (${clip(analysis.shellCommands[0]!, 80)})`,
      segment: `${where}: ${clip(text)}`,
    };
  return undefined;
}

function graphqlFinding(text: string, where: string): Found | undefined {
  const finding = analyseGraphqlBody(text);
  if (finding.destructiveFields.length)
    return {
      decision: 'ask',
      rule: 'mcp.graphql-destructive',
      reason: `The tool sends a GraphQL mutation that destroys something: ${finding.destructiveFields.join(', ')}`,
      segment: `${where}: ${clip(text)}`,
    };
  if (finding.unparsed.length && /\bmutation\b/.test(text))
    return {
      decision: 'ask',
      rule: 'mcp.graphql-destructive',
      reason: 'The tool sends a GraphQL mutation Airlock cannot parse',
      segment: `${where}: ${clip(text)}`,
    };
  return undefined;
}

/** `{ "dropDatabase": 1 }`, `{ "drop": "users" }`, `{ "delete": "users", "deletes": [{ "q": {} }] }`, `deleteMany` with `{}`. */
function mongoFinding(value: Record<string, unknown>, where: string, mongoTool: boolean, toolVerb: string): Found | undefined {
  const keys = Object.keys(value);
  const hit = (what: string): Found => ({
    decision: 'ask',
    rule: 'mcp.mongo-destructive',
    reason: `The tool ${what}`,
    segment: `${where}: ${clip(JSON.stringify(value))}`,
  });
  if ('dropDatabase' in value) return hit('drops a MongoDB database');
  if (typeof value.drop === 'string' && (mongoTool || keys.length <= 3)) return hit(`drops the MongoDB collection ${value.drop}`);
  const op = String(value.operation ?? value.method ?? value.action ?? value.op ?? (mongoTool ? toolVerb : '')).toLowerCase();
  const filter = value.filter ?? value.query ?? value.q;
  const empty = filter === undefined || (filter !== null && typeof filter === 'object' && Object.keys(filter).length === 0);
  if (mongoTool && /^(drop|dropcollection|drop-collection|drop_collection)$/.test(op)) return hit('drops a MongoDB collection');
  if (mongoTool && /^(dropdatabase|drop-database|drop_database)$/.test(op)) return hit('drops a MongoDB database');
  if (mongoTool && /^(deletemany|delete-many|delete_many|remove)$/.test(op) && empty) return hit('deletes every document of a collection (empty filter)');
  if (
    Array.isArray(value.deletes) &&
    value.deletes.some(
      (d) =>
        d && typeof d === 'object' && (d as { q?: unknown }).q && Object.keys((d as { q: object }).q).length === 0 && (d as { limit?: unknown }).limit !== 1,
    )
  )
    return hit('deletes every document of a collection (empty filter)');
  return undefined;
}

function httpFinding(value: Record<string, unknown>, where: string): Found | undefined {
  const url = [value.url, value.uri, value.endpoint, value.href].find((u): u is string => typeof u === 'string');
  if (!url) return undefined;
  const method = String(value.method ?? value.httpMethod ?? value.verb ?? 'GET').toUpperCase();
  const target = urlTarget(url);
  if (method === 'DELETE' && !isLoopback(target.host))
    return {
      decision: 'ask',
      rule: 'mcp.http-delete',
      reason: `The tool sends an HTTP DELETE to ${target.host ?? url}`,
      segment: `${where}: DELETE ${clip(url)}`,
    };
  const body = value.body ?? value.data ?? value.json ?? value.payload;
  if (body !== undefined) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return graphqlFinding(text, `${where} ${method} ${clip(url, 80)}`);
  }
  return undefined;
}

/**
 * What an MCP call's arguments would do, as the engine sees it: undefined when nothing in them
 * is destructive. `assess` checks shell lines (a `command` string, an `args` array, a wrapped
 * CLI's argument string) with the full engine.
 */
export async function analyseMcpArguments(toolName: string, input: unknown, assess: AssessLine): Promise<McpVerdict | undefined> {
  const found: Found[] = [];
  const shellLines: Array<{ line: string; where: string }> = [];
  const cli = wrappedCli(toolName);
  const lowerName = toolName.toLowerCase();
  const sqlTool =
    /sql|postgres|mysql|sqlite|maria|supabase|neon|planetscale|database|(^|_|__)db(_|$)|migration|query|snowflake|bigquery|clickhouse|d1|turso/.test(lowerName);
  const mongoTool = /mongo/.test(lowerName);
  const graphqlTool = /graphql|gql|fetch|http|request|api/.test(lowerName);
  const redisTool = /redis|valkey|upstash/.test(lowerName);
  const complete = walk(typeof input === 'string' ? { input } : input, (path, value) => {
    const key = path[path.length - 1] ?? '';
    const where = path.join('.') || 'input';
    if (typeof value === 'string') {
      if (value.trim() === '') return;
      if (SHELL_KEYS.test(key) && !/^\d+$/.test(key)) shellLines.push({ line: value, where });
      if (ARGS_KEYS.test(key) && cli) shellLines.push({ line: value.startsWith(`${cli} `) ? value : `${cli} ${value}`, where });
      const data = DATA_KEYS.test(key) && !sqlTool && !graphqlTool;
      if ((SQL_KEYS.test(key) && sqlTool) || (!data && /\S\s+\S/.test(value) && SQL_START.test(value))) {
        const f = sqlFinding(value, where);
        if (f) found.push(f);
      }
      if (!data && /\b(mutation|query)\b|^\s*\{/.test(value)) {
        const f = graphqlFinding(value, where);
        if (f) found.push(f);
      }
      if (redisTool || /^\s*(flushall|flushdb)\b/i.test(value))
        for (const h of analyseRedisCommands(value))
          found.push({
            decision: 'ask',
            rule: 'mcp.redis-flush',
            reason: `The tool runs the Redis command ${h.command}, which empties a database`,
            segment: `${where}: ${clip(h.line)}`,
          });
      if (mongoTool && /\.(drop|dropDatabase|deleteMany|remove|updateMany)\s*\(/.test(value))
        for (const h of analyseMongoScript(value))
          found.push({ decision: 'ask', rule: 'mcp.mongo-destructive', reason: `The tool runs ${h.call}`, segment: `${where}: ${clip(value)}` });
      return;
    }
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      const words = value.map(String);
      const redis = analyseRedisCommands(shellLine(words));
      if (redis.length && (redisTool || /^(flushall|flushdb)$/i.test(words[0]!)))
        found.push({
          decision: 'ask',
          rule: 'mcp.redis-flush',
          reason: `The tool runs the Redis command ${redis[0]!.command}, which empties a database`,
          segment: `${where}: ${clip(words.join(' '))}`,
        });
      if (ARGS_KEYS.test(key) || SHELL_KEYS.test(key)) {
        // `{"command": "rm", "args": [...]}` runs command with args; `{"args": [...]}` alone runs args.
        const parent = path.slice(0, -1);
        const siblingCommand = siblingString(typeof input === 'string' ? { input } : input, parent, PROGRAM_KEYS);
        const head = siblingCommand !== undefined && ARGS_KEYS.test(key) ? [siblingCommand] : cli && words[0] !== cli ? [cli] : [];
        shellLines.push({ line: shellLine([...head, ...words]), where });
      }
      return;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const mongo = mongoFinding(record, where, mongoTool, toolName.split(/__|\./).pop() ?? '');
      if (mongo) found.push(mongo);
      const http = httpFinding(record, where);
      if (http) found.push(http);
    }
  });
  if (!complete)
    found.push({
      decision: 'ask',
      rule: 'mcp.too-complex',
      reason: `The tool's arguments nest deeper than ${MAX_DEPTH} levels or hold more than ${MAX_VALUES} values, so Airlock cannot check them all`,
      segment: clip(toolName),
    });
  // A `command` string beside an `args` array was checked with its arguments: not on its own too.
  const lines = shellLines.filter((s, i, all) => all.findIndex((t) => t.line === s.line) === i);
  if (lines.length > MAX_SHELL_LINES)
    found.push({
      decision: 'ask',
      rule: 'mcp.too-complex',
      reason: `The tool's arguments hold ${lines.length} command lines; Airlock checks at most ${MAX_SHELL_LINES}`,
      segment: clip(toolName),
    });
  for (const { line, where } of lines.slice(0, MAX_SHELL_LINES)) {
    let check: CheckResult;
    try {
      check = await assess(line);
    } catch {
      found.push({
        decision: 'ask',
        rule: 'guard.bad-input',
        reason: "Airlock could not analyse a command in the tool's arguments",
        segment: `${where}: ${clip(line)}`,
      });
      continue;
    }
    if (check.decision === 'allow') continue;
    const first = check.findings[0];
    found.push({
      decision: check.decision,
      rule: first?.rule ?? 'mcp.shell',
      reason: first?.reason.replace(/\.$/, '') ?? "A command in the tool's arguments is destructive",
      segment: `${where}: ${clip(line)}`,
      findings: check.findings,
    });
  }
  if (found.length === 0) return undefined;
  let decision: Decision = 'allow';
  const findings: Finding[] = [];
  for (const f of found) {
    decision = stricterDecision(decision, f.decision);
    if (f.findings?.length) findings.push(...f.findings.map((x) => ({ ...x, segment: `${toolName} ${f.segment.split(':')[0]}: ${x.segment}` })));
    else
      findings.push({
        rule: f.rule,
        severity: f.decision === 'deny' ? 'critical' : 'high',
        decision: f.decision,
        reason: `${f.reason}.`,
        segment: `${toolName} ${f.segment}`,
      });
  }
  const strictest = found.find((f) => f.decision === 'deny') ?? found[0]!;
  return { check: { decision, environment: 'unknown', findings }, summary: strictest.segment };
}

/** A string sibling of an array (`command` beside `args`), found by key. */
function siblingString(root: unknown, parentPath: string[], keys: RegExp): string | undefined {
  let node: unknown = root;
  for (const key of parentPath) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) if (keys.test(key) && typeof value === 'string') return value;
  return undefined;
}
