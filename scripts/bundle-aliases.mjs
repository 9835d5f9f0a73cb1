// Module aliases every bundle of Airlock's sources needs, shared by esbuild.mjs and the test builds.
export const bundleAliases = {
  // jsonc-parser's "main" is a UMD build whose require('./impl/...') calls esbuild cannot follow.
  'jsonc-parser': 'jsonc-parser/lib/esm/main.js',
};
