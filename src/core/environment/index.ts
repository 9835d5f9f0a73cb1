/** Target environment: which environment a command would hit, with evidence, and shared resources. */
export { resolveTarget, resolvableTools } from './resolve';
export { describeTarget, confirmationWord } from './describe';
export { classifyName, confirmationFor, DEFAULT_ENVIRONMENT_PATTERNS, withDefaults, type EnvironmentPatterns } from './classify';
export { DEFAULT_PROTECTED_BRANCHES, sharedFileCache, type EnvironmentOptions, type Evidence } from './context';
export { FileCache } from './files';
export { applyEnvironment, type ApplyEnvironmentOptions } from './apply';
