import { fingerprintSecret } from './detect';
import { PKCS12_SCOPE } from './rules/keys';
import type { TokenFinding } from './types';

/** Key stores whose name says what they hold: binary, so no text rule ever reads them. */
const KEY_STORE_FILE = /\.(?:p12|pfx)$/i;

/**
 * A `.p12`/`.pfx` file is a finding by its name alone (it is binary, so the text scan skips it).
 * The fingerprint is of its path: `.airlockignore` can accept it like any other finding.
 */
export function keyStoreFinding(file: string): TokenFinding | undefined {
  if (!KEY_STORE_FILE.test(file)) return undefined;
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    type: 'pkcs12-keystore',
    provider: 'Private key',
    title: 'PKCS#12 key store file (.p12/.pfx)',
    preview: '(binary file)',
    scope: PKCS12_SCOPE,
    severity: 'high',
    fingerprint: fingerprintSecret(`pkcs12-file:${file}`),
  };
}
