import type { SimpleCommand } from '../../types';
import { asksForHelp, leadingVerb, readings } from '../cli-words';

/** How gcloud reads its arguments: `gcloud [alpha|beta] GROUP... COMMAND [NAME] [--flags]`. */
export const GCLOUD_TOOLS = ['gcloud'];
export const GCLOUD_KEYWORDS = ['gcloud'];
const GCLOUD_VALUED = [
  '--project', '--account', '--configuration', '--format', '--verbosity', '--region', '--zone',
  '--impersonate-service-account', '--billing-project', '--flags-file', '--instance', '--location',
];
const RELEASE_TRACKS = new Set(['alpha', 'beta', 'preview']);

/** The command words up to the first of `verbs` (release track dropped), e.g. ['sql', 'instances', 'delete']. */
export function gcloudVerbPath(command: SimpleCommand, verbs: readonly string[]): string[] | undefined {
  const args = command.argv.slice(1);
  if (asksForHelp(args)) return undefined;
  for (const reading of readings(args, GCLOUD_VALUED)) {
    const words = RELEASE_TRACKS.has(reading[0] ?? '') ? reading.slice(1) : reading;
    const path = leadingVerb(words, verbs, 6);
    if (path && path.length > 1) return path;
  }
  return undefined;
}
