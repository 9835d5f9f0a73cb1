/** @deprecated The one argument reader is `src/core/argv.ts`; this re-export keeps in-flight branches building. */
export { optionValues, parseOptions, type OptionSpec, type ParsedArgs, type ParsedOption } from '../argv';
