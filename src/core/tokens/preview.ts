/**
 * The only form in which a secret may leave Airlock: at most its first four characters and
 * its length. Short values show fewer characters so a preview never gives most of one away.
 */
export function previewSecret(value: string): string {
  const chars = [...value];
  const shown = Math.min(4, Math.floor(chars.length / 4));
  return `${chars.slice(0, shown).join('')}…(${chars.length} chars)`;
}
