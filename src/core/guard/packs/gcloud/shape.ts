import type { SimpleCommand } from '../../../shell/command';
import { matchLeadingVerb } from '../cli-words';

/** How gcloud reads its arguments: `gcloud [alpha|beta] GROUP... COMMAND [NAME] [--flags]`. */
export const GCLOUD_TOOLS = ['gcloud'];
export const GCLOUD_KEYWORDS = ['gcloud'];
const GCLOUD_VALUED = [
  '--project',
  '--account',
  '--configuration',
  '--format',
  '--verbosity',
  '--region',
  '--zone',
  '--impersonate-service-account',
  '--billing-project',
  '--flags-file',
  '--instance',
  '--location',
];
const RELEASE_TRACKS = new Set(['alpha', 'beta', 'preview']);

/** The command words up to the first of `verbs` (release track dropped), e.g. ['sql', 'instances', 'delete']. */
export function gcloudVerbPath(command: SimpleCommand, verbs: readonly string[]): string[] | undefined {
  return matchLeadingVerb(command, GCLOUD_VALUED, verbs, { maxDepth: 6, drop: RELEASE_TRACKS });
}
