import { parseAllDocuments } from 'yaml';

export interface DecodedValue {
  /** `KEY=decoded` so named rules see the key too. */
  text: string;
  /** The data key (`.dockercfg`, `extra`, `ca.pem`) and its decoded value. */
  key: string;
  value: string;
  /** Where the base64 value sits in the original text. */
  start: number;
  end: number;
}

const MAX_DECODED = 64 * 1024;

/**
 * Kubernetes Secrets keep values base64-encoded under `data:` (plain under `stringData:`); decode
 * them so the same rules apply. Parse errors are not findings and not failures: the text rules still ran.
 */
export function decodeKubernetesSecrets(text: string): DecodedValue[] {
  const out: DecodedValue[] = [];
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(text, { keepSourceTokens: false });
  } catch {
    return out;
  }
  for (const doc of Array.isArray(documents) ? documents : []) {
    if (doc.errors.length > 0) continue;
    const kind = doc.get('kind');
    if (typeof kind !== 'string' || kind !== 'Secret') continue;
    for (const section of ['data', 'stringData'] as const) {
      const data = doc.get(section, true) as
        | { items?: Array<{ key: { value?: unknown }; value: { value?: unknown; range?: [number, number, number] } | null }> }
        | undefined;
      for (const item of data?.items ?? []) {
        const key = item.key?.value;
        const raw = item.value?.value;
        const range = item.value?.range;
        if (typeof key !== 'string' || typeof raw !== 'string' || !range || raw.length > MAX_DECODED) continue;
        let decoded = raw;
        if (section === 'data') {
          if (!/^[A-Za-z0-9+/=\s]+$/.test(raw)) continue;
          decoded = Buffer.from(raw, 'base64').toString('utf8');
          if (decoded.includes('\uFFFD')) continue;
        }
        out.push({ text: `${key}=${decoded}\n${decoded}`, key, value: decoded, start: range[0], end: range[1] });
      }
    }
  }
  return out;
}

/** `kind: Secret` in YAML or JSON, quoted or not; tested against the lower-cased text. */
export const KIND_SECRET = /\bkind["']?[ \t]*:[ \t]*["']?secret\b/;
/**
 * KIND_SECRET over the text as written: the same matches as KIND_SECRET over its lower case
 * whenever lowercasing maps no non-ASCII character to ASCII (no `İ` or Kelvin sign), since under
 * `i` a non-ASCII character never matches an ASCII one.
 */
export const KIND_SECRET_ANY_CASE = new RegExp(KIND_SECRET.source, 'i');
