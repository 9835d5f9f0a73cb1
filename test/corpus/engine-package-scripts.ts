import type { Corpus } from './types';

/**
 * package.json scripts as a package manager runs them: pre/post lifecycle scripts, every
 * workspace (`--workspaces`, `-w`, `npm_config_workspace`, `pnpm -r`, `yarn workspaces foreach`),
 * the shell `.npmrc` names, and a manifest Airlock cannot read (ask, never the parent's scripts).
 */
export default [
  ['ask', 'cd mono/packages/api && npm run deploy', 'railway.volume-delete'],
  ['ask', 'npm run deploy --prefix mono/packages/api', 'railway.volume-delete'],
  ['ask', 'cd mono && npm run deploy --workspaces', 'railway.volume-delete'],
  ['ask', 'cd mono && npm run deploy -ws --if-present', 'railway.volume-delete'],
  ['ask', 'cd mono && npm run deploy -w packages/api', 'railway.volume-delete'],
  ['ask', 'cd mono && npm run deploy --workspace=@mono/api', 'railway.volume-delete'],
  ['ask', 'cd mono && npm_config_workspace=packages/api npm run deploy', 'railway.volume-delete'],
  ['ask', 'cd mono; export npm_config_workspaces=true; npm run deploy', 'railway.volume-delete'],
  ['ask', 'cd mono && pnpm -r run deploy', 'railway.volume-delete'],
  ['ask', 'cd mono && pnpm --filter @mono/api run deploy', 'railway.volume-delete'],
  ['ask', 'cd mono && yarn workspaces foreach -A run deploy', 'railway.volume-delete'],
  ['ask', 'cd mono && yarn workspace @mono/api run deploy', 'railway.volume-delete'],
  ['ask', 'cd mono && npm run deploy -w packages/missing', 'guard.unreadable-script'],
  ['ask', 'cd shelled && npm run build', 'filesystem.rm-recursive'],
  ['ask', 'cd shelled && npm test', 'filesystem.rm-recursive'],
  ['ask', 'cd app && npm_config_script_shell=../shelled/tools/sh npm run build', 'filesystem.rm-recursive'],
  ['ask', 'cd oversized && npm run build', 'guard.unreadable-script'],
  ['ask', 'cd oversized && yarn run build', 'guard.unreadable-script'],
  ['ask', 'cd app && npm_config_script_shell=./nowhere/sh npm test', 'guard.unreadable-script'],
  // Everyday: the same commands whose scripts are harmless.
  ['allow', 'cd mono && npm run lint --workspaces'],
  ['allow', 'cd mono && npm run lint -w @mono/web'],
  ['allow', 'cd mono && pnpm -r lint'],
  ['allow', 'cd mono && yarn workspaces foreach -A run lint'],
  ['allow', 'cd app && npm_config_script_shell=/bin/bash npm run build'],
] satisfies Corpus;
