/**
 * Every rule pack, one line each. The engine indexes their rules by tool; the fast path's
 * trigger words come from their keywords. Add a pack by importing it and listing it here.
 */
import type { Pack } from '../rule';
import { airlockSelfPack } from './airlock-self/index';
import { filesystemPack } from './filesystem/index';
import { gitPack } from './git/index';
import { CLOUD_PACKS } from './cloud';
import databasesPack from './databases/index';
import httpPack from './http/index';
import interpretersPack from './interpreters/index';

export const packs: readonly Pack[] = [
  airlockSelfPack,
  filesystemPack,
  gitPack,
  ...CLOUD_PACKS,
  databasesPack,
  httpPack,
  interpretersPack,
];
