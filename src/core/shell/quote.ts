/**
 * One shell word that stands for `text` exactly: as written when it holds only characters no
 * shell treats specially, otherwise single-quoted (a quote inside becomes '\''). The empty word
 * is ''.
 */
export function quoteWord(text: string): string {
  return text !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The argv as one shell line a person would recognise (and the engine parses back to the same argv). */
export function shellLine(argv: readonly string[]): string {
  return argv.map(quoteWord).join(' ');
}
