import type { CommandContext, Evidence } from '../context';
import { evidence, type Resolution, type ToolResolver } from '../resolution';
import { hostRef, type ResourceRef, tokenRef } from '../resources';
import { bodyFacts, requestsOf } from './http-bodies';
import { describeTokenSource } from './railway';

const RAILWAY_API = /(^|\.)railway\.(app|com)$/;

/**
 * HTTP clients: the host a request goes to (`api.staging.acme.com` names its environment), and
 * for Railway's API the token that authorises it and the volume or environment the GraphQL
 * body names, wherever the body comes from: the shape of the PocketOS incident.
 */
function resolveHttp(ctx: CommandContext): Resolution | undefined {
  if (ctx.argv[0] === 'gh' && ctx.rawArgs[0] !== 'api') return undefined; // only `gh api` sends a request of the user's making
  const ev: Evidence[] = [];
  const resources: ResourceRef[] = [];
  const words = ctx.rawArgs.map((w) => ctx.expand(w));
  const args = words.map((w) => w.value);
  const requests = requestsOf(ctx, args);
  const url = args.find((w) => /^https?:\/\//i.test(w) || /^[\w.-]+\.[a-z]{2,}(:\d+)?\//i.test(w)) ?? requests[0]?.urls[0];
  let host: string | undefined;
  try {
    host = url ? new URL(/^https?:/i.test(url) ? url : `https://${url}`).hostname.toLowerCase() : undefined;
  } catch {
    host = undefined;
  }
  if (!host) return undefined;
  ev.push(evidence('request URL', `host ${host}`));
  const labels: Array<string | undefined> = [host.split('.').slice(0, -2).join('.') || host];
  if (host === 'localhost' || host === '127.0.0.1' || host === '::1') labels.push('localhost');

  // Authorization headers: which token, and where it came from.
  for (let i = 0; i < words.length; i++) {
    const original = ctx.rawArgs[i]!;
    const header = /^(authorization:\s*bearer\s+|project-access-token:\s*|team-access-token:\s*)(\S+)/i.exec(words[i]!.value);
    if (!header) continue;
    const token = header[2]!;
    const found = words[i]!.sources[0];
    const unresolved = words[i]!.unresolved[0];
    if (found && original.includes('$')) {
      const railwayName = /project-access/i.test(header[1]!) ? 'RAILWAY_TOKEN' : found.name === 'RAILWAY_API_TOKEN' ? 'RAILWAY_API_TOKEN' : found.name;
      ev.push(
        evidence(
          `token ${found.name}`,
          RAILWAY_API.test(host) ? describeTokenSource(railwayName, found) : found.file ? `defined in ${found.file.name}` : `from the ${found.source}`,
        ),
      );
      if (found.file && found.file.environment !== 'unknown') labels.push(found.file.environment);
    } else if (unresolved) {
      ev.push(evidence(`token ${unresolved}`, 'set nowhere Airlock can read'));
      continue;
    } else {
      ev.push(evidence('token', `written into the command (${tokenRef(token).display})`));
    }
    resources.push(tokenRef(token));
  }
  // The host itself, looked up in the env files when nothing else tells (a Supabase API host names its project).
  resources.push(hostRef(host));
  const bodies = bodyFacts(requests, args, RAILWAY_API.test(host));
  resources.push(...bodies.resources);
  ev.push(...bodies.evidence);
  const volume = resources.find((r) => r.kind === 'volume');
  return {
    name: host,
    resource: volume ? `Railway ${volume.display}` : host,
    evidence: ev,
    labels,
    resources,
    affects: volume ? ['volume'] : undefined,
  };
}

export const httpResolvers: ToolResolver[] = [{ tools: ['curl', 'wget', 'http', 'https', 'xh', 'xhs', 'httpie', 'gh'], resolve: resolveHttp }];
