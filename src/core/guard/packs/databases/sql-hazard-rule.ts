import type { SimpleCommand } from '../../../shell/command';
import type { SqlHazardKind } from '../../../sql/analyse';
import type { Severity } from '../../../types';
import type { RuleContext, RuleVerdict } from '../../rule';
import { clientScripts } from './scripts';

/** The verdict for the first SQL hazard of the given kinds, naming what it hits and where the SQL came from. */
export function sqlHazardVerdict(
  command: SimpleCommand,
  context: RuleContext,
  kinds: readonly SqlHazardKind[],
  describe: (object: string) => string,
  severityOf?: (object: string) => Severity | undefined,
): RuleVerdict | undefined {
  const hazards = clientScripts(command, context)?.sql.filter((h) => kinds.includes(h.kind)) ?? [];
  const first = hazards[0];
  if (!first) return undefined;
  const more = hazards.length > 1 ? ` (and ${hazards.length - 1} more)` : '';
  const severity = severityOf?.(first.object);
  return {
    reason: `${describe(first.object)}${more}: \`${first.statement}\` (from ${first.from}).`,
    resource: first.object,
    ...(severity ? { severity } : {}),
  };
}
