import { homedir } from 'node:os';
import { claudeSandboxEnabled, OWN_SANDBOX_APPLIES } from '../../core/egress/agent-sandbox';
import { checkSandbox, type SandboxAvailability } from '../../core/egress/availability';
import type { Layer } from '../protection/protection-model';

/**
 * The Protection view's row for the egress sandbox (`airlock run`): on, or red with the exact
 * fix when bubblewrap, socat or user namespaces are missing. Then hooks leave agents' commands
 * to the text gate, and the row says so: never silently unprotected.
 */
let cached: SandboxAvailability | undefined;

/** Probed once per window (it starts bubblewrap); `refresh` probes again after a fix. */
export function sandboxAvailability(refresh = false): SandboxAvailability {
  if (refresh || !cached) cached = checkSandbox();
  return cached;
}

export function egressSandboxLayer(root: string | undefined, availability: SandboxAvailability = sandboxAvailability()): Layer {
  const label = 'Egress sandbox (airlock run)';
  if (!availability.available) {
    return {
      id: 'egress-sandbox',
      label,
      state: 'off',
      detail: `${availability.problem}. Provider API requests are judged by the command text only; agent hooks fall back to it. Fix: ${availability.fix}.`,
      fix: { title: 'Show the fix', command: 'airlock.sandbox.showFix' },
    };
  }
  const claude = root !== undefined && claudeSandboxEnabled(root, homedir());
  return {
    id: 'egress-sandbox',
    label,
    state: 'on',
    detail: `The "Airlock (sandboxed)" terminal and wrapped agent commands: destructive provider API requests are held until you confirm.${claude ? ` Claude Code runs commands in its own sandbox here: ${OWN_SANDBOX_APPLIES}.` : ''}`,
  };
}
