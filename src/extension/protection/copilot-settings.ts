/**
 * Copilot's own terminal auto-approval (`chat.tools.terminal.autoApprove`): prefixes or
 * `/regex/flags` mapped to true (run without asking) or false (always ask). Airlock adds
 * `false` for destructive patterns so Copilot never auto-runs them, even if a broader rule
 * would approve them. No vscode import: the feature reads and writes the setting.
 */
export const COPILOT_DENY_PATTERNS: Record<string, false> = {
  '/\\brm\\s+(-[a-zA-Z]*[rRf]|--recursive|--force)/': false,
  '/\\bgit\\s+(push\\b.*(\\s-f\\b|--force|\\s\\+)|reset\\s+--hard|clean\\s+-[a-zA-Z]*f|branch\\s+-D|stash\\s+clear|filter-branch|filter-repo)/': false,
  '/\\b(railway|fly|flyctl|heroku|vercel|netlify|supabase|neonctl|pscale|doctl|wrangler)\\b.*\\b(delete|destroy|remove|rm|down|reset|drop|purge|prune|wipe)\\b/': false,
  '/\\b(terraform|tofu|terragrunt|pulumi|cdk)\\s+(destroy|apply\\b.*-destroy|state\\s+rm)/': false,
  '/\\b(aws|gcloud|az)\\b.*\\b(delete|remove|rm|terminate|destroy|purge)\\b/': false,
  '/\\bkubectl\\s+(delete|drain|replace\\s+--force)/': false,
  '/\\bhelm\\s+(uninstall|delete)\\b/': false,
  '/\\bdocker(-compose|\\s+compose)?\\b.*\\b(rm|rmi|prune|down\\s+.*-v|volume\\s+rm)\\b/': false,
  '/\\b(DROP|TRUNCATE)\\s+(TABLE|DATABASE|SCHEMA)|\\bDELETE\\s+FROM\\b|FLUSHALL|FLUSHDB|dropDatabase/i': false,
  '/\\b(dropdb|mkfs(\\.\\w+)?|wipefs|shred)\\b|\\bdd\\s+.*\\bof=\\/dev\\//': false,
  '/volumeDelete|\\bcurl\\b.*(-X\\s*|--request\\s+)DELETE/': false,
  '/\\b(rails|rake)\\s+db:(drop|reset)|prisma\\s+(migrate\\s+reset|db\\s+push\\s+.*--force-reset)|manage\\.py\\s+flush/': false,
};

/** The setting with Airlock's entries added; existing entries for the same keys are overridden to false. */
export function withAirlockDenies(current: unknown): Record<string, unknown> {
  const base = current && typeof current === 'object' && !Array.isArray(current) ? { ...(current as Record<string, unknown>) } : {};
  return { ...base, ...COPILOT_DENY_PATTERNS };
}

export function withoutAirlockDenies(current: unknown): Record<string, unknown> {
  const base = current && typeof current === 'object' && !Array.isArray(current) ? { ...(current as Record<string, unknown>) } : {};
  for (const key of Object.keys(COPILOT_DENY_PATTERNS)) if (base[key] === false) delete base[key];
  return base;
}

export function hasAirlockDenies(current: unknown): boolean {
  if (!current || typeof current !== 'object') return false;
  const value = current as Record<string, unknown>;
  return Object.keys(COPILOT_DENY_PATTERNS).every((key) => value[key] === false);
}

/** Settings that make Copilot run every tool without asking, which no pattern can then stop. */
export const GLOBAL_AUTO_APPROVE_SETTINGS = ['chat.tools.global.autoApprove', 'chat.tools.autoApprove'];
