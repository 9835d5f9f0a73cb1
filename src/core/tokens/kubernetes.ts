import { parseAllDocuments } from 'yaml';

export interface DecodedValue {
  /** `KEY=decoded` so named rules see the key too. */
  text: string;
  /** Where the base64 value sits in the original text. */
  start: number;
  end: number;
}

const MAX_DECODED = 64 * 1024;

/**
 * Kubernetes Secrets keep values base64-encoded under `data:`; decode them so the same rules
 * apply. Parse errors are not findings and not failures: the text rules still ran.
 */
export function decodeKubernetesSecrets(text: string): DecodedValue[] {
  const out: DecodedValue[] = [];
  let documents;
  try {
    documents = parseAllDocuments(text, { keepSourceTokens: false });
  } catch {
    return out;
  }
  for (const doc of Array.isArray(documents) ? documents : []) {
    if (doc.errors.length > 0) continue;
    const kind = doc.get('kind');
    if (typeof kind !== 'string' || kind !== 'Secret') continue;
    const data = doc.get('data', true) as { items?: Array<{ key: { value?: unknown }; value: { value?: unknown; range?: [number, number, number] } | null }> } | undefined;
    for (const item of data?.items ?? []) {
      const key = item.key?.value;
      const raw = item.value?.value;
      const range = item.value?.range;
      if (typeof key !== 'string' || typeof raw !== 'string' || !range) continue;
      if (!/^[A-Za-z0-9+/=\s]+$/.test(raw) || raw.length > MAX_DECODED) continue;
      const decoded = Buffer.from(raw, 'base64').toString('utf8');
      if (decoded.includes('\uFFFD')) continue;
      out.push({ text: `${key}=${decoded}\n${decoded}`, start: range[0], end: range[1] });
    }
  }
  return out;
}
