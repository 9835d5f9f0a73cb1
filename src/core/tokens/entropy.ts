/** Shannon entropy in bits per character: random tokens score high, words and ids low. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Character classes present (lower, upper, digit, other): random secrets mix them. */
export function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
}

/**
 * The letter pairs that make up 98.5% of the pairs in the words of TypeScript's own lib .d.ts
 * files (5,400 distinct words): 334 of the 676 pairs. 98% of those words have 80% or more of
 * their pairs here; 9% of random 8-letter strings do.
 */
const COMMON_abacadafagaiakalamanaparasatauavawaxaybabebibkblbmbobrbsbtbubycacccdcechcickclcmcocpcqcrcsctcucydadbdcdddedfdgdidldodpdrdsdtdudvdyeaebecedeeefegeheiejekelemeneoepeqereseteuevewexeyfafefffiflfofrfsftfufygagbgegfggghgiglgmgngogpgrgsgtguhahehihmhohrhshthuhyiaibicidieifigiliminioipirisitivixizjejsjukekiknkslalblcldlelflilllmlolplsltlulvlymambmemimlmmmompmsmtmunanbncndnenfngnhninknlnmnnnonpnrnsntnunvnwnyoaobocodofogoiokolomonoooporosotouovowoxpapdpephpiplpoppprpsptpuqurarbrcrdrerfrgrirkrlrmrnrorprrrsrtrurvrysascsesfshsiskslsmsnsospsrssstsusvswsytatctethtitltmtotptrtstttutwtyuaubucudueufuguiulumunuoupurusutvavevgvivowawewhwiwnwowrwsxcxexixmxpxtyeyiylymynyoypyszazezi =
  new Set(
    'abacadafagaiakalamanaparasatauavawaxaybabebibkblbmbobrbsbtbubycacccdcechcickclcmcocpcqcrcsctcucydadbdcdddedfdgdidldodpdrdsdtdudvdyeaebecedeeefegeheiejekelemeneoepeqereseteuevewexeyfafefffiflfofrfsftfufygagbgegfggghgiglgmgngogpgrgsgtguhahehihmhohrhshthuhyiaibicidieifigiliminioipirisitivixizjejsjukekiknkslalblcldlelflilllmlolplsltlulvlymambmemimlmmmompmsmtmunanbncndnenfngnhninknlnmnnnonpnrnsntnunvnwnyoaobocodofogoiokolomonoooporosotouovowoxpapdpephpiplpoppprpsptpuqurarbrcrdrerfrgrirkrlrmrnrorprrrsrtrurvrysascsesfshsiskslsmsnsospsrssstsusvswsytatctethtitltmtotptrtstttutwtyuaubucudueufuguiulumunuoupurusutvavevgvivowawewhwiwnwowrwsxcxexixmxpxtyeyiylymynyoypyszazezi'.match(
      /../g,
    ),
  );

function readsLikeWord(part: string): boolean {
  const lower = part.toLowerCase();
  if (lower.length < 5) return true;
  let common = 0;
  for (let i = 0; i < lower.length - 1; i++)
    if (
      COMMON_abacadafagaiakalamanaparasatauavawaxaybabebibkblbmbobrbsbtbubycacccdcechcickclcmcocpcqcrcsctcucydadbdcdddedfdgdidldodpdrdsdtdudvdyeaebecedeeefegeheiejekelemeneoepeqereseteuevewexeyfafefffiflfofrfsftfufygagbgegfggghgiglgmgngogpgrgsgtguhahehihmhohrhshthuhyiaibicidieifigiliminioipirisitivixizjejsjukekiknkslalblcldlelflilllmlolplsltlulvlymambmemimlmmmompmsmtmunanbncndnenfngnhninknlnmnnnonpnrnsntnunvnwnyoaobocodofogoiokolomonoooporosotouovowoxpapdpephpiplpoppprpsptpuqurarbrcrdrerfrgrirkrlrmrnrorprrrsrtrurvrysascsesfshsiskslsmsnsospsrssstsusvswsytatctethtitltmtotptrtstttutwtyuaubucudueufuguiulumunuoupurusutvavevgvivowawewhwiwnwowrwsxcxexixmxpxtyeyiylymynyoypyszazezi.has(
        lower.slice(i, i + 2),
      )
    )
      common++;
  return common / (lower.length - 1) >= 0.8;
}

/**
 * Words joined into a name (`password_too_weak`, `FlowActionResultV2`, `msal.cache.key`):
 * generated secrets break into many one- and two-character runs, identifiers into words.
 */
export function looksLikeIdentifier(value: string): boolean {
  if (!/^[A-Za-z0-9_.:-]+$/.test(value)) return false;
  const parts = value.split(/[_.:-]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/).filter(Boolean);
  const letters = parts.filter((p) => /^[A-Za-z]+$/.test(p));
  if (letters.length === 0) return false;
  // Words are lower, Capitalised or ALL CAPS, and have vowels; random runs mix case freely.
  // Words have vowels and read like English (`attempts` does, `hqtigjtm` does not).
  if (!letters.every((p) => /^(?:[A-Z]{0,2}[a-z]+|[A-Z]+)$/.test(p) && (p.length < 4 || /[aeiouyAEIOUY]/.test(p)) && readsLikeWord(p))) return false;
  const average = letters.reduce((sum, p) => sum + p.length, 0) / letters.length;
  return average >= 4.5 && parts.length - letters.length <= 2;
}

/** How many symbols the value's characters are drawn from, judged by the classes it uses. */
function alphabetSize(raw: string): number {
  // Separators (`-` of a UUID, `.` of a dotted token) do not widen the alphabet the random part is drawn from.
  const value = raw.replace(/[-_.:]/g, '') || raw;
  if (/^[0-9]+$/.test(value)) return 10;
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 16;
  if (/^[0-9a-z]+$/.test(value) || /^[0-9A-Z]+$/.test(value)) return 36;
  if (/^[0-9A-Za-z]+$/.test(value)) return 62;
  return 64;
}

/**
 * Generated, not typed: a structure test rather than one entropy cut-off. A random 32-hex key
 * scores 3.3 to 3.9 bits per character and a random 32-alphanumeric one about 4.7, so the floor
 * is about two thirds of what the value's own alphabet and length allow. Typed stand-ins fail on
 * structure: a repeated unit (`abcdabcd…`), doubled characters (`aabbccdd…`), runs (`123456…`).
 */
export function looksGenerated(value: string): boolean {
  const n = value.length;
  if (n < 8) return false;
  const ceiling = Math.min(Math.log2(alphabetSize(value)), Math.log2(n));
  if (shannonEntropy(value) < 0.68 * ceiling) return false;
  for (let period = 1; period <= n / 2; period++) {
    let repeats = true;
    for (let i = period; i < n && repeats; i++) repeats = value[i] === value[i - period];
    if (repeats) return false;
  }
  let doubled = 0;
  let stepped = 0;
  for (let i = 1; i < n; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (d === 0) doubled++;
    else if (d === 1 || d === -1) stepped++;
  }
  return doubled / (n - 1) <= 0.3 && stepped / (n - 1) <= 0.4;
}
