/**
 * The registered packs, from the one list in `registry.ts`, and what the engine and the
 * unwrapper derive from their fields.
 */
import type { Pack } from '../rule';
import * as registry from './registry';

/** Every registered pack, in the registry's (alphabetical) order. */
export const packs: readonly Pack[] = Object.values(registry);

/** Tools whose first word `help` only prints help, from every pack's `helpSubcommand`. */
export function helpSubcommandTools(from: readonly Pack[] = packs): Set<string> {
  return new Set(from.flatMap((p) => p.helpSubcommand ?? []));
}

/** npm package → the guarded tool its binary is, from every pack's `packages`. */
export function packageTools(from: readonly Pack[] = packs): Record<string, string> {
  return Object.assign({}, ...from.map((p) => p.packages ?? {}));
}
