/** Target environment: which environment a command would hit, with evidence, and shared resources. */

export { type ApplyEnvironmentOptions, applyEnvironment } from './apply';
export { classifyName, confirmationFor, DEFAULT_ENVIRONMENT_PATTERNS, type EnvironmentPatterns, withDefaults } from './classify';
export { DEFAULT_PROTECTED_BRANCHES, type EnvironmentOptions, type Evidence, sharedFileCache } from './context';
export { confirmationWord, describeTarget } from './describe';
export { FileCache } from './files';
export { resolvableTools, resolveTarget } from './resolve';
