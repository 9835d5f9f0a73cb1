import { defineRule } from '../../rule';
import { startsWithUnknownVariable, targetsOf } from './paths';

export default defineRule({
  id: 'filesystem.rm-unset-variable',
  resource: 'everything under / when the variable is empty',
  severity: 'critical',
  decision: 'deny',
  reason: 'The path starts with a variable Airlock cannot see; if it is empty or unset, rm deletes from the root of the disk.',
  suggestion: 'Use ${VAR:?} so the shell stops when the variable is empty: rm -rf "${VAR:?}/".',
  tools: ['rm'],
  match(command) {
    const args = command.argv.slice(1);
    if (!args.some((a) => /^-[a-zA-Z]*[rRf]/.test(a) || a === '--recursive' || a === '--force')) return undefined;
    const target = targetsOf(args).find(startsWithUnknownVariable);
    return target ? { reason: `rm would delete "${target}": if that variable is empty, this deletes from the root of the disk.` } : undefined;
  },
  examples: {
    match: [{ line: 'rm -rf "$UNSET"/', decision: 'deny' }, 'rm -rf $BUILD_DIR/*', { line: 'rm -rf "${STEAMROOT}/"*', decision: 'deny' }, 'rm -fr $DIR/'],
    noMatch: ['rm -rf "${BUILD_DIR:?}/"', { line: 'rm -rf $TMPDIR/build', decision: 'allow' }, 'D=/tmp/x; rm -rf "$D"/', 'rm "$FILE"'],
  },
});
