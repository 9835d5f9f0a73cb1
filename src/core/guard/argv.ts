/** @deprecated The one argument reader is `src/core/argv.ts`; this re-export keeps in-flight branches building. */
export { flagValue, hasFlag, lastOptionValue, positionals } from '../argv';
