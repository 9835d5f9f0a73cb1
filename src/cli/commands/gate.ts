import { GATE_USAGE, runGate } from '../hook/gate-command';
import type { CliCommand } from '../io';

/** `airlock gate --tool NAME -- ARGS`: the terminal shims' full check and confirmation. */
export const gateCommand: CliCommand = {
  name: 'gate',
  summary: 'check a terminal command for the shims, asking the editor when destructive',
  usage: GATE_USAGE,
  run: runGate,
};
