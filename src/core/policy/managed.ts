/**
 * The machine-wide (managed) policy an administrator installs: `/etc/airlock/policy.json`,
 * `/Library/Application Support/Airlock/policy.json`, `C:\ProgramData\Airlock\policy.json`.
 * It can set anything a user policy can, plus the team settings only it may lock: the export
 * endpoint, environments that need typed confirmation, environments an agent's own prompt may
 * never approve. User and repository policy are merged over it and may only tighten it.
 *
 * Its location is fixed per platform and deliberately NOT taken from an environment variable or
 * a flag: anything an agent can put on a command line could otherwise point Airlock at an empty
 * file and drop the policy. Tests pass a path through `loadPolicyFrom`, a function parameter no
 * command line reaches.
 */
import { isAbsolute } from 'node:path';
import { DEFAULT_ENVIRONMENT_PATTERNS } from '../environment/classify';
import type { Environment } from '../types';
import type { EffectivePolicy, ExportSettings, PolicyFile } from './types';

/** Where the managed policy lives on each platform (fixed: see above). */
export function managedPolicyPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return '/Library/Application Support/Airlock/policy.json';
  // %ProgramData% is read from the fixed default, not the variable: a process can set that variable for its children.
  if (platform === 'win32') return 'C:\\ProgramData\\Airlock\\policy.json';
  return '/etc/airlock/policy.json';
}

const ENVIRONMENTS: Environment[] = ['production', 'staging', 'development', 'unknown'];

function strings(value: unknown, max = 1000): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && v.length < 512).slice(0, max) : [];
}

/** The `export` section: an OTLP/HTTP endpoint and how to reach it. Anything malformed is dropped. */
export function sanitizeExport(value: unknown): ExportSettings | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const out: ExportSettings = {};
  if (v.enabled === false) out.enabled = false;
  if (typeof v.endpoint === 'string') {
    try {
      const url = new URL(v.endpoint);
      if (url.protocol === 'http:' || url.protocol === 'https:') out.endpoint = url.toString();
    } catch {
      /* not a URL: ignored */
    }
  }
  if (v.protocol === 'http/json' || v.protocol === 'http/protobuf') out.protocol = v.protocol;
  if (v.headers && typeof v.headers === 'object' && !Array.isArray(v.headers)) {
    const headers = Object.entries(v.headers as Record<string, unknown>).filter(
      ([k, h]) => /^[A-Za-z0-9-]{1,64}$/.test(k) && typeof h === 'string' && h.length < 4096 && !/[\r\n]/.test(h),
    );
    if (headers.length) out.headers = Object.fromEntries(headers) as Record<string, string>;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The team-only fields of a policy file (also read from user and repository policy: they may add to them). */
export function sanitizeTeamFields(value: Record<string, unknown>): Pick<PolicyFile, 'typedConfirmation' | 'forbidAgentApproval' | 'export'> {
  const out: Pick<PolicyFile, 'typedConfirmation' | 'forbidAgentApproval' | 'export'> = {};
  const typed = strings(value.typedConfirmation).filter((e): e is Environment => (ENVIRONMENTS as string[]).includes(e));
  if (Array.isArray(value.typedConfirmation)) out.typedConfirmation = typed;
  if (Array.isArray(value.forbidAgentApproval)) out.forbidAgentApproval = strings(value.forbidAgentApproval, 200);
  const exp = sanitizeExport(value.export);
  if (exp) out.export = exp;
  return out;
}

const STRICTNESS = { 'allow-and-log': 0, ask: 1, deny: 2 } as const;

function union(...lists: Array<readonly string[] | undefined>): string[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

/**
 * Lays the managed policy over the merged user + repository policy. Tightening lists add up
 * (ask, deny, protected branches, production names, typed confirmation, agent-approval bans); a
 * loosening list the managed policy sets (disabled rules, allow patterns, routine delete paths,
 * staging and development names) is the managed one alone; each environment's decision is the
 * stricter of the two. Whatever the user or repository said that this drops is said in a note.
 */
export function applyManaged(policy: EffectivePolicy, managed: PolicyFile, path: string): EffectivePolicy {
  const notes = [...policy.notes];
  const ignored = (what: string, dropped: readonly string[]) => {
    if (dropped.length)
      notes.push(
        `managed policy ${path} sets ${what}: ${dropped.slice(0, 8).join(', ')}${dropped.length > 8 ? '…' : ''} from user or repository policy ignored`,
      );
  };
  const locked = <T extends string>(what: string, mine: readonly T[] | undefined, theirs: readonly T[]): readonly T[] => {
    if (mine === undefined) return theirs;
    ignored(
      what,
      theirs.filter((t) => !mine.includes(t)),
    );
    return mine;
  };
  const disabledRules = locked('disabledRules', managed.disabledRules, [...policy.disabledRules]);
  const allowPatterns = locked('allow', managed.allow, policy.allowPatterns);
  const routineDeletePaths = locked('routineDeletePaths', managed.routineDeletePaths, policy.routineDeletePaths);

  let environments = policy.environments;
  if (environments && managed.environments) {
    const m = managed.environments;
    const patterns = { ...environments.patterns, production: union(environments.patterns.production, m.production) };
    for (const env of ['staging', 'development'] as const) {
      if (m[env]?.length) {
        // The defaults stay; names beyond the defaults and the managed list are dropped.
        const base = new Set([...(DEFAULT_NAMES[env] ?? []), ...m[env]!]);
        ignored(
          `environments.${env}`,
          environments.patterns[env].filter((n) => !base.has(n)),
        );
        patterns[env] = [...base];
      }
    }
    const decisions = { ...environments.decisions };
    for (const env of ENVIRONMENTS) {
      const mine = m.decisions?.[env];
      if (mine && STRICTNESS[mine] > STRICTNESS[decisions[env]]) {
        notes.push(`managed policy ${path} sets environments.decisions.${env} = ${mine}: the looser ${decisions[env]} from user or repository policy ignored`);
        decisions[env] = mine;
      }
    }
    if (STRICTNESS[decisions.production] > STRICTNESS[decisions.unknown]) decisions.unknown = decisions.production;
    environments = { patterns, decisions };
  }

  let exportSettings = policy.export;
  if (managed.export) {
    if (exportSettings && (exportSettings.endpoint !== managed.export.endpoint || exportSettings.enabled !== managed.export.enabled)) {
      notes.push(`managed policy ${path} locks the export endpoint: the user's export settings are ignored`);
    }
    exportSettings = { ...managed.export, locked: true, source: 'managed' };
  }

  return {
    ...policy,
    disabledRules: new Set(disabledRules),
    allowPatterns,
    routineDeletePaths,
    askPatterns: union(managed.ask, policy.askPatterns),
    denyPatterns: union(managed.deny, policy.denyPatterns),
    protectedBranches: union(managed.protectedBranches, policy.protectedBranches),
    typedConfirmation: union(managed.typedConfirmation, policy.typedConfirmation) as Environment[],
    forbidAgentApproval: union(managed.forbidAgentApproval, policy.forbidAgentApproval),
    ...(environments ? { environments } : {}),
    ...(exportSettings ? { export: exportSettings } : {}),
    managed: { path },
    notes,
  };
}

const DEFAULT_NAMES: Partial<Record<'staging' | 'development', readonly string[]>> = {
  staging: DEFAULT_ENVIRONMENT_PATTERNS.staging,
  development: DEFAULT_ENVIRONMENT_PATTERNS.development,
};

/** True for a path a managed policy may come from (absolute, as the platform default or a test's). */
export function isUsableManagedPath(path: string): boolean {
  return isAbsolute(path) || /^[A-Za-z]:\\/.test(path);
}
