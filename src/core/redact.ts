import { detectSecretSpans } from './tokens/detect';
import { previewSecret } from './tokens/preview';

export { previewSecret };

/**
 * Replaces every secret the detectors find in free text (command lines, log lines, error
 * messages) with its preview. Stricter than a file scan: any value given to a secret-like
 * name or flag is redacted, entropy or not, because a weak password is still a password.
 */
export function redactText(text: string): string {
  if (text.length === 0) return text;
  const spans = detectSecretSpans(text, { fileName: '', aggressive: true });
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + previewSecret(text.slice(span.start, span.end));
    at = span.end;
  }
  return out + text.slice(at);
}

/** Redacts every string inside a JSON-like value (for event details and error payloads). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}
