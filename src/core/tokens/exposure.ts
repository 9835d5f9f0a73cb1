import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { parse as parseJsonc } from 'jsonc-parser';
import { DEFAULT_PROTECTED_FILES, matchesAnyGlob } from './protected-files';

/**
 * Who can see a file: git (tracked, ignored) and the agents (blocked by .cursorignore, by a
 * Claude Code `permissions.deny` Read rule, or by Airlock's read gate). Read once per scan.
 */
export interface ExposureIndex {
  tracked(relativePath: string): boolean;
  gitIgnored(relativePath: string): boolean;
  /** Names of what blocks agent reads; empty means agents can read it. */
  blockedBy(relativePath: string): string[];
  /** Asks git once which of these files are ignored (only files with findings need it). */
  primeGitIgnored(relativePaths: string[]): Promise<void>;
}

export interface ExposureOptions {
  /** The read gate's globs (the `airlock.gates.protectedFiles` setting); defaults to the shared list. */
  protectedFiles?: readonly string[];
  /**
   * Whether Airlock's read gate keeps any agent out: true only when an agent's hook that answers
   * reads is installed AND its self-test passed. Default false: globs alone protect nothing.
   */
  readGateActive?: boolean;
  /** The agents whose verified hooks answer reads ("Claude Code", "Cursor"): named in `blockedBy`. */
  readGateAgents?: readonly string[];
}

/** What `blockedBy` says for the read gate: which agents it actually stops. */
export function readGateLabel(agents: readonly string[] | undefined): string {
  return agents && agents.length > 0 ? `Airlock read gate (${agents.join(', ')})` : 'Airlock read gate';
}

function git(root: string, args: string[], input?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', ['-C', root, ...args], { maxBuffer: 256 * 1024 * 1024, timeout: 20_000, windowsHide: true }, (error, stdout) => {
      resolve(error && !stdout ? undefined : stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `Read(./.env)`, `Read(/secrets/**)`, `Read(**\/*.pem)`, bare `Read`: as gitignore patterns relative to the root. */
export function claudeDenyReadPatterns(settingsText: string): { all: boolean; patterns: string[] } {
  const settings = parseJsonc(settingsText) as { permissions?: { deny?: unknown } } | undefined;
  const deny = Array.isArray(settings?.permissions?.deny) ? (settings!.permissions!.deny as unknown[]) : [];
  const patterns: string[] = [];
  let all = false;
  for (const rule of deny) {
    if (typeof rule !== 'string') continue;
    if (rule === 'Read' || rule === 'Read(*)' || rule === 'Read(**)') {
      all = true;
      continue;
    }
    const m = /^Read\((.+)\)$/.exec(rule.trim());
    if (!m) continue;
    let p = m[1]!.trim();
    if (p.startsWith('//') || p.startsWith('~')) continue; // absolute or home paths: outside the workspace
    if (p.startsWith('./')) p = p.slice(2);
    else if (p.startsWith('/')) p = p.slice(1);
    patterns.push(p);
  }
  return { all, patterns };
}

export async function loadExposure(root: string, options: ExposureOptions = {}): Promise<ExposureIndex> {
  const trackedOut = await git(root, ['ls-files', '-z', '--full-name']);
  const prefix = trackedOut === undefined ? '' : ((await git(root, ['rev-parse', '--show-prefix'])) ?? '').trim();
  const tracked = new Set<string>();
  for (const name of (trackedOut ?? '').split('\0')) {
    if (name && name.startsWith(prefix)) tracked.add(name.slice(prefix.length));
  }
  const isRepo = trackedOut !== undefined;
  const ignoredCache = new Map<string, boolean>();
  const cursor = ignore().add((await readOptional(join(root, '.cursorignore'))) ?? '');
  const claude: Ignore = ignore();
  let claudeAll = false;
  for (const file of ['.claude/settings.json', '.claude/settings.local.json']) {
    const text = await readOptional(join(root, file));
    if (!text) continue;
    const parsed = claudeDenyReadPatterns(text);
    claudeAll ||= parsed.all;
    claude.add(parsed.patterns);
  }
  const gitignoreFallback = isRepo ? undefined : ignore().add((await readOptional(join(root, '.gitignore'))) ?? '');
  // Never overstate: the gate's globs count only when a verified hook answers reads.
  const gateGlobs = options.readGateActive === true ? (options.protectedFiles ?? DEFAULT_PROTECTED_FILES) : [];
  const gateLabel = readGateLabel(options.readGateAgents);

  return {
    tracked: (p) => tracked.has(p),
    gitIgnored: (p) => {
      if (gitignoreFallback) return safeIgnores(gitignoreFallback, p);
      return ignoredCache.get(p) ?? false;
    },
    blockedBy: (p) => {
      const by: string[] = [];
      if (safeIgnores(cursor, p)) by.push('.cursorignore');
      if (claudeAll || safeIgnores(claude, p)) by.push('Claude Code deny rule');
      if (matchesAnyGlob(p, gateGlobs)) by.push(gateLabel);
      return by;
    },
    primeGitIgnored: async (paths) => {
      const unknown = paths.filter((p) => !ignoredCache.has(p));
      if (!isRepo || unknown.length === 0) return;
      const out = (await git(root, ['check-ignore', '-z', '--stdin', '--no-index'], unknown.join('\0') + '\0')) ?? '';
      const ignored = new Set(out.split('\0').filter(Boolean));
      for (const p of unknown) ignoredCache.set(p, ignored.has(p));
    },
  };
}

export function safeIgnores(ig: Ignore, path: string): boolean {
  try {
    return ig.ignores(path);
  } catch {
    return false; // `ignore` throws on paths it considers invalid (e.g. absolute): not blocked
  }
}

export function toPosixRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
