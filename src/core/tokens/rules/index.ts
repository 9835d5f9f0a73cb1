import type { ProviderInfo, TokenRule } from '../types';
import { pack as github } from './github';
import { pack as keys } from './keys';
import { pack as urls } from './urls';
import { pack as generic } from './generic';

/** Every pack, most specific first: on overlapping matches the earlier rule wins. */
export const packs = [github, keys, urls, generic];

export const allRules: TokenRule[] = packs.flatMap((p) => [...p.rules]);

const providers = new Map<string, ProviderInfo>();
for (const p of packs) for (const info of p.providers) providers.set(info.name, info);

export function providerInfo(name: string): ProviderInfo | undefined {
  return providers.get(name);
}

export function ruleById(id: string): TokenRule | undefined {
  return allRules.find((r) => r.id === id);
}
