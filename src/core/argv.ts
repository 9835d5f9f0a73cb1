/**
 * The one argument reader: how a tool's own option parser would read its argv. Every layer
 * (the shell unwrapper, rule packs, HTTP tools, environment resolution) reads arguments here,
 * so `--name value`, `--name=value`, `-n value`, `-nvalue`, bundles (`-rf`) and a bare `--`
 * mean the same thing everywhere.
 *
 * Two ways to read:
 * - scanning raw words (`hasFlag`, `hasOption`, `flagValue`, `optionValue`, `positionals`,
 *   `readings`), when a rule only needs to know whether an option is there;
 * - `parseOptions` with the tool's option table (getopt-style), when which options take a value
 *   decides what the positionals are (`curl -X POST url`, `pg_restore -Fc dump`).
 * Everything after a bare `--` is positional.
 */

// --- scanning raw words -----------------------------------------------------------------------

/** True when any of `names` is given. Single-letter names also match inside bundles like `-rf`. */
export function hasFlag(args: readonly string[], ...names: string[]): boolean {
  const longs = names.filter((n) => n.startsWith('--') || n.length > 2);
  const shorts = names.filter((n) => /^-[^-]$/.test(n)).map((n) => n[1]);
  for (const arg of args) {
    if (arg === '--') return false;
    if (longs.some((l) => arg === l || arg.startsWith(`${l}=`))) return true;
    if (shorts.length && /^-[^-]/.test(arg) && !arg.includes('=')) {
      if (shorts.some((s) => arg.slice(1).includes(s!))) return true;
    }
  }
  return false;
}

/** True when any of the exact options is present, as `--name` or `--name=value` (never inside a short bundle). */
export function hasOption(args: readonly string[], ...names: string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (names.some((n) => arg === n || arg.startsWith(`${n}=`))) return true;
  }
  return false;
}

/** The value of the last occurrence of any of `names` (tools let the last one win), or undefined; `-nvalue` counts. */
export function flagValue(args: readonly string[], ...names: string[]): string | undefined {
  return lastOptionValue(args, names, true);
}

/** The value of the last `--name value` / `--name=value` of any of `names`, ignoring bundles. */
export function optionValue(args: readonly string[], ...names: string[]): string | undefined {
  return lastOptionValue(args, names, false);
}

/**
 * The last `--name value` / `--name=value` of any of `names`; with `attachedShort`, also
 * `-nvalue` for single-letter names (tools whose parser reads bundles that way).
 */
export function lastOptionValue(args: readonly string[], names: readonly string[], attachedShort: boolean): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    for (const name of names) {
      if (arg === name && i + 1 < args.length) value = args[i + 1];
      else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
      else if (attachedShort && /^-[^-]$/.test(name) && arg.startsWith(name) && arg.length > 2 && !arg.startsWith('--')) value = arg.slice(2);
    }
  }
  return value;
}

/**
 * Words that are not options or option values. `valued` lists the options that take a
 * separate value (so `-n prod delete` yields `delete`, not `prod`); pass a Set when the
 * list is long so a line of many distinct options stays linear.
 */
export function positionals(args: readonly string[], valued: readonly string[] | ReadonlySet<string> = []): string[] {
  const takesValue = valued instanceof Set ? valued : new Set(valued);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && takesValue.has(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/**
 * The positionals read with the given valued options; when the line has options not in that
 * list, a second, greedy reading also lets each of them take the next word as its value. A rule
 * that matches either reading is never hidden by an unfamiliar flag.
 */
export function readings(args: readonly string[], valued: readonly string[] = []): string[][] {
  const known = new Set(valued);
  const strict = positionals(args, known);
  const greedySet = new Set(known);
  for (const arg of args) {
    if (arg === '--') break;
    if (/^--?[a-zA-Z][\w-]*$/.test(arg)) greedySet.add(arg);
  }
  if (greedySet.size === known.size) return [strict];
  const greedy = positionals(args, greedySet);
  return sameWords(strict, greedy) ? [strict] : [strict, greedy];
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/**
 * `--help`, `-h` or `-help` anywhere before `--`, or `help` as the first positional
 * (`gcloud help sql`): the tool prints usage and does nothing. A `help` word later on is a
 * resource name, not a request.
 */
export function asksForHelp(args: readonly string[], valued: readonly string[] = []): boolean {
  // Where `-h` takes a value (gsutil's header, docker's hostname), it is not a help request.
  const shortHelp = !valued.includes('-h');
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-help' || (shortHelp && arg === '-h')) return true;
  }
  return positionals(args, valued)[0] === 'help';
}

/**
 * Where a wrapper's own options end: the index of the first word after them (and after
 * `positionalsBefore` positional words the wrapper consumes, like timeout's DURATION), or -1
 * when no word follows. `valued` options skip their value word.
 */
export function commandStart(args: readonly string[], start: number, valued: readonly string[], positionalsBefore = 0): number {
  let i = start;
  let positional = 0;
  while (i < args.length) {
    const arg = args[i]!;
    if (arg === '--') return i + 1 < args.length ? i + 1 : -1;
    if (arg.startsWith('-') && arg.length > 1) {
      i += valued.includes(arg) ? 2 : 1;
      continue;
    }
    if (positional < positionalsBefore) {
      positional++;
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

// --- reading with the tool's option table --------------------------------------------------------

export interface OptionSpec {
  /** Options that take a value: `-d`, `--data`. Single-letter ones may be bundled (`-sXPOST`). */
  valued: readonly string[];
  /** Options whose value is optional and must be attached (`-pSECRET`, `--password=x`). */
  attachedOnly?: readonly string[];
  /** Tools with multi-letter single-dash options (`sqlite3 -cmd`, `wget -nv`): no bundling. */
  singleDashLong?: boolean;
}

export interface ParsedOption {
  /** The option as named in the spec (`-d`, `--data`), or as written when unknown. */
  name: string;
  value?: string;
}

export interface ParsedArgs {
  options: ParsedOption[];
  positionals: string[];
}

/** Reads argv the way getopt would with the tool's option table. */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const valued = new Set(spec.valued);
  const attachedOnly = new Set(spec.attachedOnly ?? []);
  const options: ParsedOption[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') || (spec.singleDashLong && arg.startsWith('-') && arg.length > 2)) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      if (eq >= 0) options.push({ name, value: arg.slice(eq + 1) });
      else if (valued.has(name) && i + 1 < args.length) options.push({ name, value: args[++i] });
      else options.push({ name });
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const name = `-${arg[j]}`;
        if (attachedOnly.has(name)) {
          options.push({ name, value: j + 1 < arg.length ? arg.slice(j + 1) : undefined });
          break;
        }
        if (valued.has(name)) {
          if (j + 1 < arg.length) options.push({ name, value: arg.slice(j + 1) });
          else if (i + 1 < args.length) options.push({ name, value: args[++i] });
          else options.push({ name });
          break;
        }
        options.push({ name });
      }
      continue;
    }
    positionals.push(arg);
  }
  return { options, positionals };
}

/** Values of every occurrence of the named options, in order. */
export function optionValues(parsed: ParsedArgs, ...names: string[]): string[] {
  return parsed.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value!);
}

/** True when the parse found any of the named options (bundled shorts were opened up by the parse). */
export function parsedHasOption(parsed: ParsedArgs, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}
