import type { Environment } from '../types';
import type { CommandContext, Evidence } from './context';
import type { Profile } from './profiles';
import type { ResourceKind, ResourceRef } from './resources';

/** What one tool resolver learns about a command, before classification and the shared-resource check. */
export interface Resolution {
  /** The name the tool acts on (context, workspace, stack, profile, app...), or null. */
  name: string | null;
  /** The concrete resource, safe to show (no credentials). */
  resource: string | null;
  /** Where each fact came from, the deciding source first. */
  evidence: Evidence[];
  /** Names to classify, strongest first; defaults to [name, resource]. */
  labels?: Array<string | null | undefined>;
  /** Set when the tool itself fixes the environment (`vercel --prod`). */
  environment?: Environment;
  /** Resources to look up in the workspace's env files (opaque ids, database URLs, tokens). */
  resources?: ResourceRef[];
  /** Kinds of resource the command acts on, for the shared-resource check when only a name is known. */
  affects?: ResourceKind[];
  /** Environments the tool's own config defines (Wrangler's `[env.*]`), checked with the env files for shared resources. */
  profiles?: Profile[];
}

export interface ToolResolver {
  /** argv[0] values handled. */
  tools: string[];
  resolve(ctx: CommandContext): Resolution | undefined;
}

export function evidence(source: string, value: string): Evidence {
  return { source, value };
}
