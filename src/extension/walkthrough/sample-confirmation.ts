import type { CheckResult } from '../../core/findings';
import { type ConfirmationView, confirmationView } from '../gates/confirmation-text';

/** The incident's command: what the walkthrough's sample confirmation is about. */
export const SAMPLE_COMMAND = 'railway volume delete --volume vol_7f3a9c --yes';

/**
 * The modal a person would see for the incident's command, built by the real engine's result but
 * marked as a sample everywhere it shows: nothing is run, asked or logged. Pure, so the wording is
 * unit-tested.
 */
export function sampleConfirmationView(check: CheckResult, cwd: string): ConfirmationView {
  const view = confirmationView({ kind: 'command', requester: 'claude', command: SAMPLE_COMMAND, cwd, check });
  return {
    ...view,
    title: `SAMPLE (nothing will run) · ${view.title}`,
    detail: `${view.detail}\n\nThis is how Airlock asks when an agent wants to run this command. Your answer here is only shown back to you.`,
  };
}
