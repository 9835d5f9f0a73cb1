/** The exposed-token API shared by the CLI, the editor and the gates. */
export { detectInText, type DetectOptions } from './detect';
export { scanFileForSecrets, fileHoldsSecret, readTextBounded, DEFAULT_MAX_FILE_BYTES, type FileScan } from './files';
export { DEFAULT_PROTECTED_FILES, matchesAnyGlob } from './protected-files';
export { allRules, packs, providerInfo, ruleById } from './rules/index';
export { previewSecret } from './preview';
export type { TokenFinding, TokenRule, ProviderInfo } from './types';
export { UNKNOWN_SCOPE } from './types';
export { WorkspaceScanner, DEFAULT_EXCLUDES, type ScanOptions, type ScanSummary } from './scan';
export { AIRLOCK_IGNORE, airlockIgnoreEntry, parseAirlockIgnore } from './ignore-file';
export { claudeDenyReadPatterns } from './exposure';
export { diagnosticMessage, exposureSummary, hoverMarkdown, rotationChecklist, treeDescription, treeLabel } from './present';
export { toSarif } from './sarif';
