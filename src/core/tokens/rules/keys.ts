import type { Severity } from '../../types';
import { BASE64, fake } from '../fake';
import { defineTokenPack, defineTokenRule, provider } from '../rule';

/** A PEM body: base64 lines, possibly with `\n` escapes when the key sits inside JSON or a string. */
// Header lines (`Proc-Type: 4,ENCRYPTED`) are bounded and must start a line, so a long run of
// base64 letters is never re-read as a possible header at every position (that was quadratic).
const BODY = '(?:[A-Za-z0-9+/=\\s]|\\\\n|\\\\r|(?<=\\n)[A-Za-z-]{1,40}: [^\\n]{0,200}\\n){64,20000}?';

function pem(id: string, label: string, title: string, scope: string, severity: Severity, keyword = label.toLowerCase()) {
  const sample = (l: string) => `-----BEGIN ${l}-----\n${fake(64, BASE64)}\n${fake(64, BASE64)}\n${fake(40, BASE64)}==\n-----END ${l}-----`;
  return defineTokenRule({
    id,
    provider: 'Private key',
    title,
    keywords: [`begin ${keyword}`],
    pattern: new RegExp(`-----BEGIN ${label}-----(?<body>${BODY})-----END ${label}-----`, 'g'),
    scope,
    severity,
    check: (_secret, match) => (match.groups?.body ?? '').replace(/\\[nr]|[^A-Za-z0-9+/]/g, '').length >= 64,
    examples: {
      valid: [sample(label), `{"key": "${sample(label).replace(/\n/g, '\\n')}"}`],
      invalid: [
        `-----BEGIN ${label}-----\n...\n-----END ${label}-----`,
        `-----BEGIN PUBLIC KEY-----\n${fake(64, BASE64)}\n${fake(64, BASE64)}\n-----END PUBLIC KEY-----`,
      ],
    },
  });
}

/** Shared with the file rule in key-files.ts: a .p12/.pfx file is the same credential as its base64 text. */
export const PKCS12_SCOPE =
  'A certificate with its private key (often protected by a short or empty password): signs, decrypts or authenticates as its owner (TLS servers, code signing, client certificates, Azure service principals).';

const SIGN_AS = 'Whoever holds it can sign, decrypt or log in as its owner (servers, deploy keys, TLS): scope depends on where its public half is trusted.';

export const pack = defineTokenPack({
  id: 'keys',
  providers: [
    provider(
      'Private key',
      undefined,
      'Find every place the public half is trusted (authorized_keys, deploy keys, TLS certificates, signing configs).',
      'Generate a new key pair, install the new public key, then remove the old one everywhere.',
      'Revoke the certificate if the key backed one.',
      'Keep private keys out of the workspace (~/.ssh, a key store, a secret manager).',
    ),
  ],
  rules: [
    pem('rsa-private-key', 'RSA PRIVATE KEY', 'RSA private key (PKCS#1)', SIGN_AS, 'high'),
    pem('ec-private-key', 'EC PRIVATE KEY', 'EC private key', SIGN_AS, 'high'),
    pem('dsa-private-key', 'DSA PRIVATE KEY', 'DSA private key', SIGN_AS, 'high'),
    pem(
      'openssh-private-key',
      'OPENSSH PRIVATE KEY',
      'OpenSSH private key',
      'SSH key: logs in wherever its public key is in authorized_keys or registered as a deploy or user key.',
      'high',
    ),
    pem('pkcs8-private-key', 'PRIVATE KEY', 'Private key (PKCS#8)', SIGN_AS, 'high', 'private key-----'),
    pem(
      'encrypted-private-key',
      'ENCRYPTED PRIVATE KEY',
      'Encrypted private key (PKCS#8)',
      'Passphrase-protected: dangerous once the passphrase leaks too (look for it nearby).',
      'medium',
    ),
    pem(
      'pgp-private-key',
      'PGP PRIVATE KEY BLOCK',
      'PGP private key block',
      'Signs and decrypts as its owner: commits, releases, package signatures, mail.',
      'high',
    ),
    pem(
      'ssh2-encrypted-private-key',
      'SSH2 ENCRYPTED PRIVATE KEY',
      'SSH2 (ssh.com) private key',
      'SSH key: logs in wherever its public key is trusted.',
      'medium',
    ),
    defineTokenRule({
      id: 'putty-private-key',
      provider: 'Private key',
      title: 'PuTTY private key',
      keywords: ['putty-user-key-file'],
      pattern: /PuTTY-User-Key-File-[23]: [^\n]+\n(?:[^\n]*\n){0,6}?Private-Lines: \d+\n(?<body>(?:[A-Za-z0-9+/=]+\n?){1,64})/g,
      scope: 'SSH key: logs in wherever its public key is trusted.',
      severity: 'high',
      examples: {
        valid: [
          `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ci\nPublic-Lines: 2\n${fake(64, BASE64)}\n${fake(20, BASE64)}\nPrivate-Lines: 1\n${fake(44, BASE64)}\n`,
        ],
        invalid: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n'],
      },
    }),
    defineTokenRule({
      id: 'pkcs12-keystore',
      provider: 'Private key',
      title: 'PKCS#12 key store, base64-encoded (.p12/.pfx)',
      keywords: ['ibazcc'],
      // DER `30 82 LL LL 02 01 03 30 82`: a SEQUENCE holding version 3 and the authenticated safe.
      pattern: /(?<![A-Za-z0-9+/])MII[A-Za-z0-9+/]{3}IBAzCC[A-Za-z0-9+/]{200,}={0,2}(?![A-Za-z0-9+/=])/g,
      scope: PKCS12_SCOPE,
      severity: 'high',
      examples: {
        valid: [`certificate_data = "MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCigEggokMIIKIDCCBNcGCSqGSIb3${fake(300, BASE64)}"`],
        invalid: [`MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${fake(300, BASE64)}`],
      },
    }),
    defineTokenRule({
      id: 'age-secret-key',
      provider: 'Private key',
      title: 'age encryption secret key',
      keywords: ['age-secret-key-1'],
      pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/g,
      scope: 'Decrypts every file encrypted to its recipient (sops, age-encrypted secrets).',
      severity: 'high',
      examples: {
        valid: [`AGE-SECRET-KEY-1${fake(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')}`],
        invalid: ['age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'],
      },
    }),
  ],
});
