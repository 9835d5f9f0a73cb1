import type { HookFileFormat } from './agents/types';

/**
 * What became of Airlock's entry in a hook file it installed, after something changed the file.
 * `removed` and `altered` alert; `intact` (another hook added, a comment edited) and `not-ours`
 * (Airlock did not install this file, or removed its entry itself) do not.
 */
export type HookEntryChange = 'intact' | 'not-ours' | 'removed' | 'altered';

export interface HookFileState {
  format: HookFileFormat;
  /** The file's text now; undefined when it is gone. */
  text: string | undefined;
  /** The command Airlock's entry runs (`hookCommand(launcher, agent)`). */
  command: string;
  /** True when Airlock installed its entry in this file and has not removed it. */
  installedByAirlock: boolean;
  /** True when the text is what Airlock itself last wrote there. */
  ownWrite: boolean;
}

export function hookEntryChange(state: HookFileState): HookEntryChange {
  if (!state.installedByAirlock || state.ownWrite) return state.installedByAirlock ? 'intact' : 'not-ours';
  if (state.text === undefined || !state.format.has(state.text)) return 'removed';
  let refreshed: string;
  try {
    refreshed = state.format.add(state.text, state.command);
  } catch {
    // The file no longer reads as JSON: whatever the entry says now, Airlock cannot vouch for it.
    return 'altered';
  }
  // Adding Airlock's entry again would change the file: an entry is missing or differs
  // (another command, no failClosed, a shorter timeout, an observe event dropped).
  return refreshed === state.text ? 'intact' : 'altered';
}

/** The warning's first line for a changed hook file. */
export function hookEntryChangeTitle(change: 'removed' | 'altered', label: string): string {
  return change === 'removed'
    ? `Airlock's hook was removed from ${label} by something other than Airlock`
    : `Airlock's hook in ${label} was changed by something other than Airlock`;
}
