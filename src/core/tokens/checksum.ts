const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(value: number, width: number): string {
  let out = '';
  let n = value;
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub's and npm's token checksum: the last six characters are the CRC32 of the random
 * part, in base62, left-padded with zeros. A token whose checksum fails was never issued.
 */
export function hasCrc32Base62Checksum(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength);
  if (body.length <= 6) return false;
  const random = body.slice(0, -6);
  return base62(crc32(random), 6) === body.slice(-6);
}

/** Builds a checksum-valid token from a prefix and a random part (fixtures and examples). */
export function withCrc32Base62Checksum(prefix: string, random: string): string {
  return prefix + random + base62(crc32(random), 6);
}
