/**
 * Keys that are public by design: they ship in every web build, and what they allow is what
 * any visitor of the site may do. Reporting them as secrets teaches people to ignore findings.
 *  - Firebase web API keys (`apiKey` of a `firebaseConfig`): they identify the project;
 *    Security Rules and App Check decide access.
 *  - Algolia search-only keys (`apiKey` beside `appId` and `indexName`, DocSearch): they
 *    search the public index, nothing more. Admin keys are found by their names.
 */
const WINDOW = 400;

function around(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW));
}

export function isFirebaseWebKey(text: string, start: number, end: number): boolean {
  return /firebaseapp\.com|authDomain|messagingSenderId|firebaseConfig|FIREBASE_API_KEY|firebase_api_key/i.test(around(text, start, end));
}

export function isAlgoliaSearchKey(text: string, start: number, end: number, name: string): boolean {
  if (/admin|write/i.test(name)) return false;
  const near = around(text, start, end);
  return /algolia|docsearch/i.test(near) && /\b(?:appId|applicationId|app_id|indexName|index_name)\b/.test(near);
}
