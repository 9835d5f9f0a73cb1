import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../ipc/registry';
import { stateDir } from '../log/location';

/**
 * The certificate authority the gate decrypts provider API traffic with, kept between runs in
 * Airlock's private state folder (0700, files 0600). Generating an RSA CA takes the runtime a
 * second or more in JavaScript; every `airlock run` would otherwise pay it. Nothing outside a
 * sandbox trusts this CA, and inside one its folder can be neither read nor written.
 */
export interface CaFiles {
  dir: string;
  cert: string;
  key: string;
}

export function egressCaFiles(env: NodeJS.ProcessEnv): CaFiles {
  const dir = join(stateDir(env), 'egress-ca');
  return { dir, cert: join(dir, 'ca.pem'), key: join(dir, 'ca.key') };
}

/** A CA that is still valid for a week, else a new one (written before it is used). */
export function ensureEgressCa(
  env: NodeJS.ProcessEnv,
  runtime: {
    generateCa(o?: { cn?: string; validityDays?: number }): { certPem: string; keyPem: string };
    validateCaPair(cert: string, key: string): { ok: boolean; notAfter?: Date };
  },
): CaFiles {
  const files = egressCaFiles(env);
  if (existsSync(files.cert) && existsSync(files.key)) {
    try {
      const check = runtime.validateCaPair(readFileSync(files.cert, 'utf8'), readFileSync(files.key, 'utf8'));
      if (check.ok && check.notAfter && check.notAfter.getTime() > Date.now() + 7 * 86_400_000) return files;
    } catch {
      /* unreadable or broken: replaced below */
    }
  }
  const ca = runtime.generateCa({ cn: 'Airlock egress gate (local sandbox only)', validityDays: 365 });
  writePrivateFile(files.key, ca.keyPem);
  writePrivateFile(files.cert, ca.certPem);
  return files;
}
