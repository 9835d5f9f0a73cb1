/** The exposed-token API shared by the CLI, the editor and the gates. */
export { type DetectOptions, detectInText } from './detect';
export { claudeDenyReadPatterns } from './exposure';
export { DEFAULT_MAX_FILE_BYTES, type FileScan, fileHoldsSecret, readTextBounded, scanFileForSecrets } from './files';
export { AIRLOCK_IGNORE, airlockIgnoreEntry, parseAirlockIgnore } from './ignore-file';
export { diagnosticMessage, exposureSummary, hoverMarkdown, rotationChecklist, treeDescription, treeLabel } from './present';
export { previewSecret } from './preview';
export { DEFAULT_PROTECTED_FILES, matchesAnyGlob } from './protected-files';
export { allRules, packs, providerInfo, ruleById } from './rules/index';
export { toSarif } from './sarif';
export { DEFAULT_EXCLUDES, type ScanOptions, type ScanSummary, WorkspaceScanner } from './scan';
export type { ProviderInfo, TokenFinding, TokenRule } from './types';
export { UNKNOWN_SCOPE } from './types';
