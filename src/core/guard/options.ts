/**
 * Reads a tool's argv with the tool's own option table, the way getopt would: which options
 * take a value decides which words are positionals, so `-X POST url` and `-Fc dump` are read
 * right where a plain "does any word start with -c" test would not be.
 */

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

export function hasOption(parsed: ParsedArgs, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}
