/**
 * How a hook tells the real editor from an impostor running as the same user.
 *
 * Each editor (VS Code, Cursor, code-server...) holds an Ed25519 key pair whose private half
 * lives only in its SecretStorage (the OS keychain) and in the extension host's memory. Its
 * public half is pinned in `editor-keys.json` beside the user's policy, a file the airlock-self
 * rules guard. The editor signs its registry entries and every answer; a hook trusts a
 * registry entry only when a pinned key signed it, and an answer only when the same key signed
 * it over the hook's fresh nonce and the digest of the request it sent. A process that can write
 * a registry entry and listen on a socket, but cannot read the keychain, can neither be found by
 * a hook nor answer one: the hook then acts as if no editor were open (ask or deny, never allow).
 *
 * Nothing here is secret: the hook needs only public keys, so there is no key to steal from it.
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { isAbsolute, join } from 'node:path';
import { homeOf } from '../protection/fixed-locations';
import type { WindowRegistration } from './protocol';

/** The hook's fresh random value for one request; the editor's answer must be signed over it. */
export const NONCE_HEADER = 'x-airlock-nonce';
/** The editor's Ed25519 signature (base64) over the answer, bound to the nonce and request. */
export const SIGNATURE_HEADER = 'x-airlock-signature';

/** Where the pinned public keys live: `$XDG_CONFIG_HOME/airlock/editor-keys.json`, else `~/.config/airlock/editor-keys.json`. */
export function trustedKeysPath(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homeOf(env), '.config');
  return join(config, 'airlock', 'editor-keys.json');
}

interface TrustedKeysFile {
  version: 1;
  /** Editor app name → its public key (SPKI DER, base64). */
  keys: Record<string, string>;
}

export function readTrustedKeysFile(env: NodeJS.ProcessEnv = process.env): TrustedKeysFile {
  try {
    const value = JSON.parse(readFileSync(trustedKeysPath(env), 'utf8')) as Partial<TrustedKeysFile>;
    if (value && value.version === 1 && value.keys && typeof value.keys === 'object' && !Array.isArray(value.keys)) {
      const keys = Object.fromEntries(Object.entries(value.keys).filter(([, v]) => typeof v === 'string'));
      return { version: 1, keys };
    }
  } catch {
    /* missing or unreadable: no editor is trusted */
  }
  return { version: 1, keys: {} };
}

/** The pinned public keys (base64 SPKI), as a set for lookups. */
export function trustedKeys(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(Object.values(readTrustedKeysFile(env).keys));
}

/** A new editor key pair: the private key as PKCS8 PEM (for SecretStorage), the public as base64 SPKI. */
export function generateEditorKey(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** The public half of a stored private key, base64 SPKI. */
export function publicKeyOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
}

const keyCache = new Map<string, KeyObject>();
function publicKeyObject(publicKey: string): KeyObject | undefined {
  let key = keyCache.get(publicKey);
  if (!key) {
    try {
      key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    } catch {
      return undefined;
    }
    if (key.asymmetricKeyType !== 'ed25519') return undefined;
    keyCache.set(publicKey, key);
  }
  return key;
}

function verifyWith(publicKey: string, message: string, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key || typeof signature !== 'string' || signature.length > 200) return false;
  try {
    return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function signWith(privateKey: KeyObject, message: string): string {
  return sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

/** What a registry entry's signature covers: every field a hook acts on. */
export function registrationMessage(r: Omit<WindowRegistration, 'signature'>): string {
  return JSON.stringify(['airlock-registration/v2', r.protocol, r.socket, r.secret, r.pid, r.window, r.roots, r.app, r.updated, r.publicKey]);
}

/** True when a pinned key signed this registry entry. */
export function verifyRegistration(registration: WindowRegistration, keys: ReadonlySet<string>): boolean {
  if (typeof registration.publicKey !== 'string' || typeof registration.signature !== 'string') return false;
  if (!keys.has(registration.publicKey)) return false;
  return verifyWith(registration.publicKey, registrationMessage(registration), registration.signature);
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What an answer's signature covers: the hook's nonce, the route, the request it sent and the answer itself. */
export function answerMessage(nonce: string, route: string, requestBody: string | Buffer, responseBody: string | Buffer): string {
  return JSON.stringify(['airlock-answer/v2', nonce, route, sha256(requestBody), sha256(responseBody)]);
}

export function verifyAnswer(
  publicKey: string,
  nonce: string,
  route: string,
  requestBody: string | Buffer,
  responseBody: string | Buffer,
  signature: unknown,
): boolean {
  return typeof signature === 'string' && verifyWith(publicKey, answerMessage(nonce, route, requestBody, responseBody), signature);
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}
