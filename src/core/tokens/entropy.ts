/** Shannon entropy in bits per character: random tokens score high, words and ids low. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Character classes present (lower, upper, digit, other): random secrets mix them. */
export function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
}

/**
 * Words joined into a name (`password_too_weak`, `FlowActionResultV2`, `msal.cache.key`):
 * generated secrets break into many one- and two-character runs, identifiers into words.
 */
export function looksLikeIdentifier(value: string): boolean {
  if (!/^[A-Za-z0-9_.:\-]+$/.test(value)) return false;
  const parts = value.split(/[_.:\-]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/).filter(Boolean);
  const letters = parts.filter((p) => /^[A-Za-z]+$/.test(p));
  if (letters.length === 0) return false;
  // Words are lower, Capitalised or ALL CAPS, and have vowels; random runs mix case freely.
  if (!letters.every((p) => /^(?:[A-Z]{0,2}[a-z]+|[A-Z]+)$/.test(p) && (p.length < 4 || /[aeiouyAEIOUY]/.test(p)))) return false;
  const average = letters.reduce((sum, p) => sum + p.length, 0) / letters.length;
  return average >= 4.5 && parts.length - letters.length <= 2;
}
