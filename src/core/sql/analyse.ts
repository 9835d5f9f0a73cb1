import { lexSql, type SqlDialect, type SqlStatement, type SqlToken } from './lexer';

/**
 * What a SQL script would destroy: DROP, TRUNCATE, DELETE or UPDATE without a WHERE,
 * ALTER ... DROP, CREATE OR REPLACE TABLE. Code that runs at once (a PostgreSQL `DO` block,
 * `EXECUTE '...'`, `PREPARE ... FROM '...'`, a `\gexec` query) is read too, to a small depth.
 */

/**
 * `stored-code`: a function, procedure or trigger whose body destroys data when it is called later;
 * `dynamic-sql`: procedural code that runs SQL built at run time (`EXECUTE format(…)`), which no
 * reader can see.
 */
export type SqlHazardKind = 'drop' | 'truncate' | 'delete-all' | 'update-all' | 'alter-drop' | 'replace' | 'stored-code' | 'dynamic-sql';

export interface SqlHazard {
  kind: SqlHazardKind;
  /** What it hits, e.g. `TABLE users`, `DATABASE app`. */
  object: string;
  /** The statement, shortened for a person to read. */
  statement: string;
}

export interface SqlAnalysis {
  hazards: SqlHazard[];
  /** Files the client would read and run (`\i`, `.read`, `source`). */
  includes: string[];
  /** Shell command lines the client would run (`\!`, `.shell`, `system`, `COPY ... PROGRAM`). */
  shellCommands: string[];
}

const MAX_NESTING = 3;
const DROP_OBJECTS = new Set([
  'TABLE',
  'DATABASE',
  'SCHEMA',
  'KEYSPACE',
  'INDEX',
  'VIEW',
  'MATERIALIZED',
  'SEQUENCE',
  'FUNCTION',
  'PROCEDURE',
  'TRIGGER',
  'TYPE',
  'DOMAIN',
  'EXTENSION',
  'COLUMNFAMILY',
  'USER',
  'ROLE',
  'OWNED',
  'COLLECTION',
  'DICTIONARY',
  'TEMPORARY',
  'TEMP',
  'FOREIGN',
  'EVENT',
  'PARTITION',
  'TABLESPACE',
]);
/** Words that open a nested statement inside procedural code; `EXPLAIN ANALYZE` runs the statement it explains. */
const BLOCK_OPENERS = new Set(['BEGIN', 'THEN', 'ELSE', 'LOOP', 'ANALYZE', 'ANALYSE']);
/** `ALTER ... DROP DEFAULT` and `DROP NOT NULL` change no data. */
const HARMLESS_ALTER_DROP = new Set(['DEFAULT', 'NOT', 'EXPRESSION', 'IDENTITY']);
const SHELL_CLIENT_COMMANDS = new Set(['!', 'shell', 'system']);
const INCLUDE_CLIENT_COMMANDS = new Set(['i', 'ir', 'include', 'include_relative', '.', 'read', 'source']);

export function analyseSql(text: string, dialect: SqlDialect = 'generic'): SqlAnalysis {
  const analysis: SqlAnalysis = { hazards: [], includes: [], shellCommands: [] };
  collect(text, dialect, analysis, 0, false);
  return analysis;
}

/** `procedural`: the text is a DO block's or a function's body, where EXECUTE runs a string. */
function collect(text: string, dialect: SqlDialect, out: SqlAnalysis, nesting: number, procedural: boolean): void {
  const { statements, clientCommands } = lexSql(text, dialect);
  for (const command of clientCommands) {
    if (SHELL_CLIENT_COMMANDS.has(command.name) && command.arg) out.shellCommands.push(command.arg);
    if (INCLUDE_CLIENT_COMMANDS.has(command.name) && command.arg) out.includes.push(unquote(command.arg));
  }
  for (const statement of statements) {
    inspectStatement(statement, out, procedural);
    if (nesting >= MAX_NESTING) continue;
    const nestedDialect = dialect === 'mysql' ? 'mysql' : 'postgres';
    for (const code of immediateCode(statement)) collect(code, nestedDialect, out, nesting + 1, true);
    const stored = storedBody(statement);
    if (stored) {
      // The body runs later, when the function is called (or the trigger fires): what it would destroy is reported as stored code.
      const body: SqlAnalysis = { hazards: [], includes: [], shellCommands: [] };
      collect(stored.body, nestedDialect, body, nesting + 1, true);
      const first = body.hazards[0];
      if (first)
        out.hazards.push({
          kind: 'stored-code',
          object: `${stored.kind} ${stored.name}`,
          statement: `${shorten(statement.text)} (its body: ${first.statement})`,
        });
      out.shellCommands.push(...body.shellCommands);
    }
  }
}

/** `CREATE [OR REPLACE] FUNCTION|PROCEDURE name … AS '…'` (or `$$…$$`): the body, kept as a string. */
function storedBody(statement: SqlStatement): { kind: string; name: string; body: string } | undefined {
  const t = statement.tokens;
  if (!isWord(t[0], 'CREATE')) return undefined;
  let i = 1;
  if (isWord(t[i], 'OR') && isWord(t[i + 1], 'REPLACE')) i += 2;
  const kind = t[i];
  if (!isWord(kind, 'FUNCTION') && !isWord(kind, 'PROCEDURE')) return undefined;
  const name = nameAfter(t, i + 1, []);
  const bodies = t.filter(
    (tok, k) => tok.kind === 'string' && tok.depth === 0 && (isWord(t[k - 1], 'AS') || isWord(t[k - 1], 'BEGIN') || t[k - 1]?.value === ','),
  );
  const body = bodies.map((b) => b.value).join('\n');
  return body ? { kind: kind!.value, name, body } : undefined;
}

function inspectStatement(statement: SqlStatement, out: SqlAnalysis, procedural: boolean): void {
  const t = statement.tokens;
  const preview = shorten(statement.text);
  const add = (kind: SqlHazardKind, object: string) => out.hazards.push({ kind, object, statement: preview });
  if (procedural) {
    // EXECUTE of anything but one plain string literal runs SQL only known when the code runs.
    for (let i = 0; i + 1 < t.length; i++) {
      if (!isWord(t[i], 'EXECUTE')) continue;
      const at = isWord(t[i + 1], 'IMMEDIATE') ? i + 2 : i + 1;
      if (t[at]?.kind !== 'string' || isConcatenation(t[at + 1])) add('dynamic-sql', 'SQL built when the code runs');
    }
  }
  // A CTE has one main statement: the first verb after it (later ones are not re-scanned, keeping this linear).
  let cteOpen = t[0]?.kind === 'word' && t[0].value === 'WITH';
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.kind !== 'word' || !startsStatement(t, i, cteOpen)) continue;
    if (i > 0 && cteOpen && t[i - 1]!.value === ')') cteOpen = false;
    switch (tok.value) {
      case 'DROP':
        add('drop', droppedObject(t, i + 1));
        break;
      case 'TRUNCATE':
        add('truncate', `TABLE ${nameAfter(t, i + 1, ['TABLE', 'ONLY', 'IF', 'EXISTS'])}`);
        break;
      case 'DELETE':
        if (!hasRealWhere(t, i)) add('delete-all', `every row of ${nameAfter(t, i + 1, ['FROM', 'ONLY', 'LOW_PRIORITY', 'QUICK', 'IGNORE'])}`);
        break;
      case 'UPDATE':
        if (!hasRealWhere(t, i)) add('update-all', `every row of ${nameAfter(t, i + 1, ['ONLY', 'LOW_PRIORITY', 'IGNORE'])}`);
        break;
      case 'ALTER': {
        const dropped = alterDrop(t, i);
        if (dropped) add('alter-drop', dropped);
        break;
      }
      case 'CREATE':
        if (isWord(t[i + 1], 'OR') && isWord(t[i + 2], 'REPLACE') && isWord(t[i + 3], 'TABLE')) {
          add('replace', `TABLE ${nameAfter(t, i + 4, [])}`);
        }
        break;
      case 'COPY': {
        const program = t.findIndex((x, k) => k > i && isWord(x, 'PROGRAM'));
        const command = program > 0 ? t[program + 1] : undefined;
        if (command?.kind === 'string') out.shellCommands.push(command.value);
        break;
      }
    }
  }
}

/** A verb counts at the start of a statement, after a CTE, or opening a block in procedural code. */
function startsStatement(t: SqlToken[], i: number, startsWithCte: boolean): boolean {
  if (i === 0) return true;
  const prev = t[i - 1]!;
  if (prev.depth !== t[i]!.depth) return false;
  if (prev.kind === 'word' && BLOCK_OPENERS.has(prev.value)) return true;
  return startsWithCte && prev.kind === 'punct' && prev.value === ')' && prev.depth === 0;
}

function droppedObject(t: SqlToken[], from: number): string {
  const words: string[] = [];
  let i = from;
  while (i < t.length && t[i]!.kind === 'word' && DROP_OBJECTS.has(t[i]!.value) && words.length < 3) words.push(t[i++]!.value);
  if (words[0] === 'TEMPORARY' || words[0] === 'TEMP') words.shift();
  const type = words.join(' ') || 'object';
  return `${type} ${nameAfter(t, i, ['IF', 'EXISTS', 'CONCURRENTLY', 'VIEW', 'TABLE'])}`.trim();
}

function nameAfter(t: SqlToken[], from: number, skip: readonly string[]): string {
  let i = from;
  while (i < t.length && t[i]!.kind === 'word' && skip.includes(t[i]!.value)) i++;
  const parts: string[] = [];
  while (i < t.length && parts.length < 5) {
    const tok = t[i]!;
    if (tok.kind === 'word' || tok.kind === 'quoted' || tok.kind === 'string') parts.push(tok.kind === 'word' ? tok.value.toLowerCase() : tok.value);
    else if (tok.value === '.') parts.push('.');
    else break;
    i++;
    if (t[i]?.value !== '.' && parts[parts.length - 1] !== '.') break;
  }
  return parts.join('') || '(unnamed)';
}

/** True when the statement starting at `verb` has a WHERE clause that is not a tautology. */
function hasRealWhere(t: SqlToken[], verb: number): boolean {
  const depth = t[verb]!.depth;
  for (let i = verb + 1; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.depth < depth) return false;
    if (tok.depth === depth && tok.kind === 'word') {
      if (tok.value === 'WHERE') return !isTautology(t, i + 1);
      // A nested statement in procedural code ends this one.
      if (BLOCK_OPENERS.has(tok.value) || tok.value === 'END') return false;
    }
  }
  return false;
}

const CLAUSE_AFTER_WHERE = new Set(['ORDER', 'LIMIT', 'RETURNING', 'END', 'ALLOW']);

/** `WHERE 1=1`, `WHERE true`, `WHERE 1`: a filter that keeps every row. */
function isTautology(t: SqlToken[], from: number): boolean {
  let end = from;
  while (end < t.length && !(t[end]!.kind === 'word' && CLAUSE_AFTER_WHERE.has(t[end]!.value))) end++;
  const cond = t.slice(from, end).filter((x) => !(x.kind === 'punct' && (x.value === '(' || x.value === ')')));
  if (cond.length === 1) return (cond[0]!.kind === 'word' && cond[0]!.value === 'TRUE') || (cond[0]!.kind === 'number' && Number(cond[0]!.value) !== 0);
  if (cond.length === 3 && cond[1]!.value === '=') {
    const [a, , b] = cond;
    return a!.kind !== 'word' && a!.kind === b!.kind && a!.value === b!.value;
  }
  return false;
}

function alterDrop(t: SqlToken[], alter: number): string | undefined {
  const depth = t[alter]!.depth;
  const target = `${t[alter + 1]?.value ?? ''} ${nameAfter(t, alter + 2, ['IF', 'EXISTS', 'ONLY'])}`.trim();
  for (let i = alter + 1; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.depth !== depth || tok.kind !== 'word') continue;
    if (tok.value === 'DROP' && !(t[i + 1]?.kind === 'word' && HARMLESS_ALTER_DROP.has(t[i + 1]!.value))) {
      const what = t[i + 1]?.kind === 'word' ? `${t[i + 1]!.value} ${nameAfter(t, i + 2, ['IF', 'EXISTS'])}` : nameAfter(t, i + 1, []);
      return `${what} of ${target}`;
    }
    if (tok.value === 'TRUNCATE' && isWord(t[i + 1], 'PARTITION')) return `PARTITION ${nameAfter(t, i + 2, [])} of ${target}`;
  }
  return undefined;
}

/** SQL text that the statement runs at once: a DO block's body, EXECUTE/PREPARE strings, `\gexec` rows. */
function immediateCode(statement: SqlStatement): string[] {
  const t = statement.tokens;
  const code: string[] = [];
  if (statement.gexec) {
    for (const tok of t) if (tok.kind === 'string') code.push(tok.value);
    return code;
  }
  if (isWord(t[0], 'DO')) {
    for (const tok of t) if (tok.kind === 'string') code.push(tok.value);
    return code;
  }
  for (let i = 0; i + 1 < t.length; i++) {
    const tok = t[i]!;
    if (tok.kind !== 'word') continue;
    if (tok.value === 'EXECUTE' || (tok.value === 'IMMEDIATE' && isWord(t[i - 1], 'EXECUTE'))) {
      const arg = t[i + 1]!;
      if (arg.kind === 'string') code.push(arg.value);
    }
    if (tok.value === 'FROM' && isWord(t[0], 'PREPARE') && t[i + 1]!.kind === 'string') code.push(t[i + 1]!.value);
  }
  return code;
}

function isConcatenation(tok: SqlToken | undefined): boolean {
  return tok?.kind === 'punct' && (tok.value === '|' || tok.value === '||' || tok.value === '+');
}

function isWord(tok: SqlToken | undefined, value: string): boolean {
  return tok?.kind === 'word' && tok.value === value;
}

function unquote(arg: string): string {
  const m = /^(['"])(.*)\1$/.exec(arg.trim());
  return m ? m[2]! : arg.trim().split(/\s+/)[0]!;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
