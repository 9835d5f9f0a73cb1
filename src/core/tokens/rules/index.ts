import type { ProviderInfo, TokenRule } from '../types';
import { pack as ai } from './ai';
import { pack as aws } from './aws';
import { pack as azure } from './azure';
import { pack as cloud } from './cloud';
import { pack as devtools } from './devtools';
import { pack as frameworks } from './frameworks';
import { pack as gcp } from './gcp';
import { pack as generic } from './generic';
import { pack as github } from './github';
import { pack as keys } from './keys';
import { pack as messaging } from './messaging';
import { pack as moreProviders } from './more-providers';
import { pack as payments } from './payments';
import { pack as saas } from './saas';
import { pack as urls } from './urls';

/** Every pack, most specific first: on overlapping matches the earlier rule wins. */
export const packs = [github, devtools, aws, gcp, azure, cloud, payments, messaging, ai, saas, frameworks, keys, urls, moreProviders, generic];

export const allRules: TokenRule[] = packs.flatMap((p) => [...p.rules]);

const providers = new Map<string, ProviderInfo>();
for (const p of packs) for (const info of p.providers) providers.set(info.name, info);

export function providerInfo(name: string): ProviderInfo | undefined {
  return providers.get(name);
}

export function ruleById(id: string): TokenRule | undefined {
  return allRules.find((r) => r.id === id);
}
