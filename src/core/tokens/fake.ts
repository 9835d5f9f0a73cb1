/**
 * Obviously fake, format-valid token bodies for rule examples and planted fixtures: they
 * carry a FAKE / deadbeef marker and come from a fixed-seed generator, so no run of the
 * tests or the bench ever handles a live credential.
 */
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const HEX = '0123456789abcdef';
export const UPPER_HEX = '0123456789ABCDEF';
export const BASE64URL = `${ALNUM}-_`;
export const BASE64 = `${ALNUM}+/`;
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

let state = 0x2545f491;

function next(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return state >>> 0;
}

function markerFor(alphabet: string): string {
  if (alphabet === HEX) return 'deadbeef';
  if (alphabet === UPPER_HEX) return 'DEADBEEF';
  if (alphabet === DIGITS) return '';
  if (/[A-Z]/.test(alphabet) && alphabet.includes('F') && alphabet.includes('K')) return 'FAKE';
  if (alphabet.includes('f') && alphabet.includes('k')) return 'fake';
  return '';
}

export function fake(length: number, alphabet: string = ALNUM): string {
  const marker = markerFor(alphabet).slice(0, Math.max(0, length - 8));
  let out = marker;
  while (out.length < length) out += alphabet[next() % alphabet.length];
  return out;
}

export function fakeUuid(): string {
  const h = fake(32, HEX);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
