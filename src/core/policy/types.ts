/** Airlock's guard policy: what the user (and, stricter only, a repository) configured. */
import type { Environment } from '../types';
import type { EffectiveEnvironmentPolicy, EnvironmentPolicyFile } from './environments';

/** Where Airlock ships each logged event as an OpenTelemetry log record (OTLP over HTTP). */
export interface ExportSettings {
  /** The OTLP/HTTP logs endpoint, e.g. `http://collector:4318/v1/logs`. */
  endpoint?: string;
  /** Wire encoding; default `http/protobuf`. */
  protocol?: 'http/protobuf' | 'http/json';
  /** Extra request headers (an API key for the collector). Never logged or shown. */
  headers?: Record<string, string>;
  /** `false` switches export off (a managed `false` cannot be switched on by the user). */
  enabled?: boolean;
  /** Set on the effective policy: the managed policy fixed these settings. */
  locked?: boolean;
  /** Set on the effective policy: which file they came from. */
  source?: 'managed' | 'user';
}

/** The shape of a policy file (`~/.config/airlock/policy.json`, `.airlock/policy.json`) and of the settings. */
export interface PolicyFile {
  /** Rule ids to switch off, e.g. `git.branch-force-delete`. Loosening. */
  disabledRules?: string[];
  /** Command patterns that always ask (word globs: `terraform apply *`). */
  ask?: string[];
  /** Command patterns that are always denied. */
  deny?: string[];
  /** Command patterns whose findings are dropped. Loosening. */
  allow?: string[];
  /** Git branches guarded against rewriting and deletion (minimatch globs). */
  protectedBranches?: string[];
  /** Paths (minimatch globs) where deletes are routine and not asked about. Loosening. */
  routineDeletePaths?: string[];
  /** User level only: workspace folders whose repository policy may loosen. */
  trustedWorkspaces?: string[];
  /**
   * User level only: rules switched off in one workspace folder (and the folders inside it),
   * keyed by the folder's absolute path. Written by the Activity view's "Trust This Rule in
   * This Workspace"; ignored in a repository policy.
   */
  workspaceDisabledRules?: Record<string, string[]>;
  /** Environment names and per-environment decisions (merge with `mergeEnvironmentPolicy`). */
  environments?: EnvironmentPolicyFile;
  /** Environments whose confirmations need the name typed (production and unknown always do). */
  typedConfirmation?: Environment[];
  /**
   * Environments (production, staging, development, unknown) or target names (globs) that only a
   * person in the editor may approve: never the agent's own permission prompt, never allow-and-log.
   */
  forbidAgentApproval?: string[];
  /** User and managed level only: where to export events. A repository's is ignored (it would send the log elsewhere). */
  export?: ExportSettings;
}

/** The merged policy the engine applies. */
export interface EffectivePolicy {
  disabledRules: ReadonlySet<string>;
  askPatterns: readonly string[];
  denyPatterns: readonly string[];
  allowPatterns: readonly string[];
  protectedBranches: readonly string[];
  routineDeletePaths: readonly string[];
  /** Said by `airlock check`, e.g. which repository settings were ignored and why. */
  notes: readonly string[];
  /** Environment patterns and decisions; defaults (every environment `ask`) when absent. */
  environments?: EffectiveEnvironmentPolicy;
  /** Environments whose confirmation is typed, beyond production and unknown. */
  typedConfirmation?: readonly Environment[];
  /** Environments or target-name globs only a person in the editor may approve. */
  forbidAgentApproval?: readonly string[];
  /** Export settings in force, when any. */
  export?: ExportSettings;
  /** Set when a machine-wide policy applies. */
  managed?: { path: string };
}

export const DEFAULT_PROTECTED_BRANCHES = ['main', 'master', 'production', 'prod', 'release/*', 'release-*'];

/** Build output and temp folders, where `rm -rf` is everyday work. */
export const DEFAULT_ROUTINE_DELETE_PATHS = [
  '/tmp/**',
  '/var/tmp/**',
  '**/node_modules',
  '**/node_modules/**',
  '**/dist',
  '**/dist/**',
  '**/build',
  '**/build/**',
  '**/out',
  '**/out/**',
  '**/target',
  '**/target/**',
  '**/.next',
  '**/.next/**',
  '**/.nuxt',
  '**/.turbo',
  '**/.cache',
  '**/.cache/**',
  '**/coverage',
  '**/coverage/**',
  '**/__pycache__',
  '**/.pytest_cache',
  '**/.mypy_cache',
  '**/.tox',
  '**/.venv',
  '**/venv',
  '**/tmp',
  '**/tmp/**',
  '**/temp',
  '**/temp/**',
  '**/.parcel-cache',
  '**/.vite',
  '**/.svelte-kit',
  '**/*.log',
  '**/.gradle',
  '**/.DS_Store',
];

export const DEFAULT_POLICY: EffectivePolicy = {
  disabledRules: new Set(),
  askPatterns: [],
  denyPatterns: [],
  allowPatterns: [],
  protectedBranches: DEFAULT_PROTECTED_BRANCHES,
  routineDeletePaths: DEFAULT_ROUTINE_DELETE_PATHS,
  notes: [],
};
