/** How a file's loss reads to a person, from whether git could bring it back. */
import type { FileRecovery } from '../../git-state';
import type { RuleContext } from '../../rule';

/** Why deleting or overwriting the file loses something; undefined when git (or nothing) covers it. */
export function unrecoverable(path: string, cwd: string, context: RuleContext): string | undefined {
  const state: FileRecovery = context.fileRecovery?.(path, cwd) ?? { kind: 'unknown', why: 'Airlock cannot look it up here' };
  switch (state.kind) {
    case 'nothing-to-lose':
    case 'tracked-clean':
      return undefined;
    case 'tracked-modified':
      return `${path} has changes git has not recorded`;
    case 'untracked':
      return `git has never recorded ${path} (untracked or ignored)`;
    case 'outside-repository':
      return `${path} is in no git repository`;
    case 'unknown':
      return `Airlock cannot tell whether git could bring ${path} back (${state.why})`;
  }
}
