import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseIni } from 'ini';
import { classifyName, riskier } from '../environment/classify';
import { CommandContext, type EnvironmentOptions } from '../environment/context';
import type { EnvFile } from '../environment/envfiles';
import { isEnvFileName } from '../environment/envfiles';
import { buildWorkspaceIndex, profileDirectories, type WorkspaceIndex } from '../environment/profiles';
import { tokenRef } from '../environment/resources';
import type { Target } from '../environment/target';
import { bodyFacts } from '../environment/tools/http-bodies';
import type { Environment } from '../types';
import type { SentCredential } from './credentials';

/**
 * Which environment a request acts on, from what it really carries: the credential it sends,
 * matched against the workspace's env files and the AWS credentials file (`RAILWAY_TOKEN` in
 * `.env.production` means production), then the resource ids in its body against what each
 * environment points at (a volume shared with production is production). Nothing matched is
 * `unknown`, which Airlock treats as production.
 */
export interface CredentialSource {
  environment: Environment;
  /** `RAILWAY_TOKEN in .env.production`, `aws_access_key_id of profile prod in ~/.aws/credentials`. */
  where: string;
}

export interface EgressWorkspace {
  /** Where each credential value is defined; a value may be defined in several places. */
  credentials: Map<string, CredentialSource[]>;
  index: WorkspaceIndex;
}

/** Reads the workspace once per `airlock run`: env files near the root and cwd, and ~/.aws/credentials. */
export function loadEgressWorkspace(cwd: string, options: EnvironmentOptions): EgressWorkspace {
  const ctx = new CommandContext({ argv: ['airlock'], written: 'airlock', assignments: {}, segment: 'airlock', cwd, via: [] }, options);
  const dirs = [...profileDirectories(ctx.root, cwd), ...envDirsBelow(ctx.root)];
  const index = buildWorkspaceIndex(ctx, dirs);
  const credentials = new Map<string, CredentialSource[]>();
  const add = (value: string, source: CredentialSource) => {
    if (value.length < 8) return;
    const list = credentials.get(value) ?? [];
    if (!list.some((s) => s.where === source.where)) list.push(source);
    credentials.set(value, list);
  };
  const seen = new Set<string>();
  for (const dir of dirs) {
    for (const file of ctx.envFilesIn(dir)) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      for (const [name, value] of Object.entries(file.vars))
        add(value.trim(), { environment: file.environment, where: `${name} in ${file.name}${fileEnvironmentNote(file)}` });
    }
  }
  const awsFile = options.env.AWS_SHARED_CREDENTIALS_FILE ?? ctx.homePath('.aws', 'credentials');
  if (awsFile) {
    const parsed = ctx.cache.parsed(awsFile, 'ini', (t) => parseIni(t) as Record<string, Record<string, unknown>>);
    if (parsed.ok) {
      for (const [profile, section] of Object.entries(parsed.value).slice(0, 200)) {
        const id = section?.aws_access_key_id;
        if (typeof id === 'string')
          add(id.trim(), {
            environment: profile === 'default' ? 'unknown' : classifyName(profile, ctx.patterns),
            where: `aws_access_key_id of profile ${profile} in ${ctx.display(awsFile)}`,
          });
      }
    }
  }
  return { credentials, index };
}

function fileEnvironmentNote(file: EnvFile): string {
  return file.environmentFrom === 'file name' ? '' : ` (${file.environmentFrom})`;
}

/** Sub-folders (two levels, bounded) holding env files: a monorepo's `apps/api/.env.production`. */
function envDirsBelow(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    if (depth > 0 && names.some(isEnvFileName)) found.push(dir);
    if (depth >= 2) return;
    for (const name of names.slice(0, 200)) {
      if (name.startsWith('.') || name === 'node_modules' || name === 'dist' || name === 'build') continue;
      const path = join(dir, name);
      try {
        if (statSync(path).isDirectory()) walk(path, depth + 1);
      } catch {
        /* unreadable: skipped */
      }
      if (found.length >= 30) return;
    }
  };
  walk(root, 0);
  return found;
}

/** The target of one request: environment first, with the evidence a person needs to believe it. */
export function requestTarget(workspace: EgressWorkspace, host: string, credentials: SentCredential[], body: string | undefined, url: string): Target {
  const evidence: Target['evidence'] = [];
  let environment: Environment | undefined;
  for (const credential of credentials) {
    const sources = workspace.credentials.get(credential.value.trim());
    const preview = tokenRef(credential.value).display;
    if (!sources?.length) {
      evidence.push({ source: `credential sent (${credential.place})`, value: `${preview}, defined in no env file or provider config Airlock can read` });
      continue;
    }
    for (const source of sources) {
      evidence.push({ source: `credential sent (${credential.place})`, value: `${preview} is ${source.where}` });
      environment = environment === undefined ? source.environment : riskier(environment, source.environment);
    }
  }
  if (credentials.length === 0) evidence.push({ source: 'credential sent', value: 'none Airlock can read in the request' });
  // A credential Airlock cannot place says nothing; unknown is treated as production.
  if (environment === undefined || credentials.some((c) => !workspace.credentials.has(c.value.trim())))
    environment = riskier(environment ?? 'unknown', 'unknown');

  // Resource ids in the body (Railway's volumeId...), against what each environment points at.
  const sharedWith = new Set<Environment>();
  let resource: string | null = null;
  if (body) {
    const facts = bodyFacts(
      [{ method: 'POST', urls: [url], bodies: [{ kind: 'text', text: body, from: 'request body' }] }],
      [],
      /(^|\.)railway\.(app|com)$/.test(host),
    );
    for (const ref of facts.resources) {
      const uses = workspace.index.usesOf(ref.key);
      if (!resource && (ref.kind === 'volume' || ref.kind === 'database' || ref.kind === 'bucket')) resource = ref.display;
      for (const use of uses) {
        evidence.push({
          source: `${ref.display} in the body`,
          value: `used by ${use.environment} (${use.variable ? `${use.variable} in ` : ''}${use.source})`,
        });
        sharedWith.add(use.environment);
        environment = riskier(environment, use.environment);
      }
    }
  }
  const others = [...sharedWith].filter((e) => e !== environment || sharedWith.size > 1);
  return { name: host, resource: resource ?? host, environment, evidence: evidence.slice(0, 10), sharedWith: sharedWith.size > 1 ? others : [] };
}
