/**
 * Redis commands that empty a database: FLUSHALL and FLUSHDB, typed as arguments, fed on
 * standard input one per line, or called from a Lua script (`redis.call('FLUSHALL')`).
 * Deleting named keys (`DEL session:42`) is routine and passes.
 */

export interface RedisHazard {
  /** `flush` empties a database; `bulk-delete` deletes every key a KEYS/SCAN pattern matched (in Lua). */
  kind: 'flush' | 'bulk-delete';
  command: string;
  /** The line it came from, for a person to read. */
  line: string;
}

const FLUSH = new Set(['FLUSHALL', 'FLUSHDB']);

export function analyseRedisCommands(text: string): RedisHazard[] {
  const hazards: RedisHazard[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const words = splitRedisLine(line);
    const name = (words[0] ?? '').toUpperCase();
    if (FLUSH.has(name)) hazards.push({ kind: 'flush', command: name, line });
    else if ((name === 'EVAL' || name === 'EVAL_RO' || name === 'FCALL') && words[1]) hazards.push(...analyseLuaScript(words[1]).map((h) => ({ ...h, line })));
    else if (name === 'FUNCTION' && (words[1] ?? '').toUpperCase() === 'FLUSH') hazards.push({ kind: 'flush', command: 'FUNCTION FLUSH', line });
  }
  return hazards;
}

/** `redis.call('flushall')` / `redis.pcall("FLUSHDB")` in a Lua script. */
export function analyseLuaScript(script: string): RedisHazard[] {
  const hazards: RedisHazard[] = [];
  const called = new Set<string>();
  const call = /redis\s*\.\s*p?call\s*\(\s*(['"])(\w+)\1/gi;
  for (let m = call.exec(script); m; m = call.exec(script)) {
    const name = m[2]!.toUpperCase();
    called.add(name);
    if (FLUSH.has(name)) hazards.push({ kind: 'flush', command: name, line: m[0] });
  }
  // `for _, k in ipairs(redis.call('KEYS', 'cache:*')) do redis.call('DEL', k) end`
  if ((called.has('KEYS') || called.has('SCAN')) && (called.has('DEL') || called.has('UNLINK'))) {
    hazards.push({ kind: 'bulk-delete', command: 'DEL of every key a pattern matched', line: script.slice(0, 120) });
  }
  return hazards;
}

/** Splits a redis-cli line into words: double quotes with escapes, single quotes literal. */
function splitRedisLine(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let word = '';
    const q = line[i];
    if (q === '"' || q === "'") {
      i++;
      while (i < line.length && line[i] !== q) {
        if (q === '"' && line[i] === '\\' && i + 1 < line.length) i++;
        word += line[i++];
      }
      i++;
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) word += line[i++];
    }
    words.push(word);
  }
  return words;
}
