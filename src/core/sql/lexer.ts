/**
 * A careful SQL lexer: splits a script into statements and tokens the way the database's own
 * client would, so words inside strings, comments, dollar-quoted bodies and quoted identifiers
 * are never read as keywords. One pass, linear in the input, no backtracking.
 *
 * Client commands that are not SQL are returned beside the statements: psql `\i file`,
 * `\! cmd`, `\gexec`; sqlite3 `.read file`, `.shell cmd`; mysql `source file`, `system cmd`,
 * `DELIMITER //`.
 */

export type SqlDialect = 'postgres' | 'mysql' | 'sqlite' | 'clickhouse' | 'cql' | 'generic';

export type SqlTokenKind = 'word' | 'string' | 'quoted' | 'number' | 'punct';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Words upper-cased; strings and quoted identifiers decoded; punctuation as written. */
  value: string;
  /** Parenthesis depth the token sits at within its statement. */
  depth: number;
}

export interface SqlStatement {
  tokens: SqlToken[];
  /** Source text, for a person to read. */
  text: string;
  /** Ended by psql `\gexec`: each row of its result runs as SQL. */
  gexec?: boolean;
}

/** A client command: `{ name: 'i', arg: 'seed.sql' }` for psql `\i seed.sql`. */
export interface ClientCommand {
  name: string;
  arg: string;
}

export interface LexedSql {
  statements: SqlStatement[];
  clientCommands: ClientCommand[];
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
/** psql meta-commands that end the statement being typed and send it. */
const PSQL_SEND = new Set(['g', 'gx', 'gexec', 'gset', 'gdesc', 'crosstabview', 'watch']);
/** mysql client commands recognised at the start of a statement. */
const MYSQL_CLIENT = new Set(['SOURCE', 'SYSTEM', 'DELIMITER']);

export function lexSql(text: string, dialect: SqlDialect): LexedSql {
  const statements: SqlStatement[] = [];
  const clientCommands: ClientCommand[] = [];
  const n = text.length;
  let tokens: SqlToken[] = [];
  let depth = 0;
  let start = 0;
  let delimiter = ';';
  let i = 0;

  const finish = (end: number, gexec = false) => {
    if (tokens.length) statements.push({ tokens, text: text.slice(start, end).trim(), ...(gexec ? { gexec } : {}) });
    tokens = [];
    depth = 0;
    start = end;
  };
  const restOfLine = (from: number): [string, number] => {
    const eol = text.indexOf('\n', from);
    const end = eol < 0 ? n : eol;
    return [text.slice(from, end).trim(), end];
  };
  const lineStartsAt = (pos: number) => {
    let k = pos - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
    return k < 0 || text[k] === '\n' || text[k] === '\r';
  };

  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];

    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }

    if (delimiter !== ';' && text.startsWith(delimiter, i)) {
      i += delimiter.length;
      finish(i);
      continue;
    }
    if (c === ';' && delimiter === ';') {
      i++;
      finish(i);
      continue;
    }

    // Comments.
    if (c === '-' && next === '-' && (dialect !== 'mysql' || i + 2 >= n || /\s/.test(text[i + 2]!))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if ((c === '#' && dialect === 'mysql') || (c === '/' && next === '/' && dialect === 'cql')) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if (c === '/' && next === '*') {
      // MySQL runs the text of `/*! ... */` as SQL: read through it.
      if (text[i + 2] === '!' || (text[i + 2] === 'M' && text[i + 3] === '!')) {
        i += text[i + 2] === '!' ? 3 : 4;
        while (i < n && /[0-9]/.test(text[i]!)) i++;
        continue;
      }
      i = skipBlockComment(text, i, dialect === 'postgres');
      continue;
    }
    if (c === '*' && next === '/') {
      i += 2;
      continue;
    } // end of a `/*!` section

    // Client commands.
    if (c === '\\' && dialect !== 'sqlite') {
      const m = /^\\([A-Za-z]+|[!.;?])/.exec(text.slice(i, i + 40));
      const name = m ? m[1]! : '';
      const after = i + 1 + name.length;
      if (dialect === 'mysql' && (name === 'G' || name === 'g')) {
        i = after;
        finish(i);
        continue;
      }
      if (PSQL_SEND.has(name) && tokens.length) {
        const [, end] = restOfLine(after);
        finish(i, name === 'gexec');
        i = end;
        continue;
      }
      const [arg, end] = restOfLine(after);
      clientCommands.push({ name, arg });
      if (tokens.length) finish(i);
      i = end;
      start = i;
      continue;
    }
    if (c === '.' && dialect === 'sqlite' && tokens.length === 0 && lineStartsAt(i)) {
      const [line, end] = restOfLine(i + 1);
      const sp = line.search(/\s/);
      clientCommands.push({ name: sp < 0 ? line : line.slice(0, sp), arg: sp < 0 ? '' : line.slice(sp + 1).trim() });
      i = end;
      start = i;
      continue;
    }

    // Strings and quoted identifiers.
    if (c === "'" || (c === '"' && dialect === 'mysql')) {
      const backslash = dialect === 'mysql' || dialect === 'clickhouse' || isEscapePrefix(text, i);
      const [value, end] = readQuoted(text, i, c, backslash);
      tokens.push({ kind: 'string', value, depth });
      i = end;
      continue;
    }
    if (c === '"' || c === '`') {
      const [value, end] = readQuoted(text, i, c, false);
      tokens.push({ kind: 'quoted', value, depth });
      i = end;
      continue;
    }
    if (c === '$' && dialect !== 'mysql') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (tag && !(i > 0 && WORD_PART.test(text[i - 1]!))) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        const end = close < 0 ? n : close;
        tokens.push({ kind: 'string', value: text.slice(i + tag[0].length, end), depth });
        i = close < 0 ? n : close + tag[0].length;
        continue;
      }
    }

    if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(text[j]!)) j++;
      const word = text.slice(i, j).toUpperCase();
      if (dialect === 'mysql' && tokens.length === 0 && MYSQL_CLIENT.has(word) && lineStartsAt(i)) {
        const [arg, end] = restOfLine(j);
        if (word === 'DELIMITER') delimiter = arg.split(/\s+/)[0] || ';';
        else clientCommands.push({ name: word.toLowerCase(), arg: arg.replace(/;$/, '').trim() });
        i = end;
        start = i;
        continue;
      }
      tokens.push({ kind: 'word', value: word, depth });
      i = j;
      continue;
    }
    if (c >= '0' && c <= '9') {
      let j = i + 1;
      while (j < n && /[0-9.eE_xXa-fA-F]/.test(text[j]!)) j++;
      tokens.push({ kind: 'number', value: text.slice(i, j), depth });
      i = j;
      continue;
    }
    if (c === '(') {
      tokens.push({ kind: 'punct', value: c, depth });
      depth++;
      i++;
      continue;
    }
    if (c === ')') {
      depth = Math.max(0, depth - 1);
      tokens.push({ kind: 'punct', value: c, depth });
      i++;
      continue;
    }
    tokens.push({ kind: 'punct', value: c, depth });
    i++;
  }
  finish(n);
  return { statements, clientCommands };
}

/** `E'...'` in PostgreSQL takes backslash escapes; a plain `'...'` does not. */
function isEscapePrefix(text: string, quote: number): boolean {
  const p = text[quote - 1];
  return (p === 'E' || p === 'e') && !(quote > 1 && WORD_PART.test(text[quote - 2]!));
}

function readQuoted(text: string, open: number, quote: string, backslash: boolean): [string, number] {
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (backslash && c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return [value, i + 1];
    }
    value += c;
    i++;
  }
  return [value, text.length];
}

function skipBlockComment(text: string, open: number, nests: boolean): number {
  let level = 0;
  let i = open;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      if (level === 0 || nests) level++;
      i += 2;
      continue;
    }
    if (text[i] === '*' && text[i + 1] === '/') {
      level--;
      i += 2;
      if (level === 0) return i;
      continue;
    }
    i++;
  }
  return text.length;
}
