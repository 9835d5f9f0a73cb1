/**
 * Small, exact helpers for reading a tool's argv the way the tool's own option parser would:
 * `--name value`, `--name=value`, `-n value`, `-nvalue`, and bundled short flags (`-rf`).
 * Everything after a bare `--` is positional.
 */

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

/** The value of the last occurrence of any of `names` (tools let the last one win), or undefined. */
export function flagValue(args: readonly string[], ...names: string[]): string | undefined {
  return lastOptionValue(args, names, true);
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
    if (arg === '--') { out.push(...args.slice(i + 1)); break; }
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && takesValue.has(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}
