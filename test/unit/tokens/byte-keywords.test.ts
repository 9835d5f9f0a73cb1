// The fast reader's keyword pass runs on a file's bytes: it must report exactly what the pass over
// the decoded, lowercased text reports (the keywords present, and where the assignment finder's
// words are), files it passes over must be exactly the ones with nothing to find, and skips
// (binary, UTF-16, invalid UTF-8, too large) must not change.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findAssignments, HINT, HINT_WORDS } from '../../../src/core/tokens/assignments';
import { detectInText, prefilterBytes } from '../../../src/core/tokens/detect';
import { fake, fakeUuid } from '../../../src/core/tokens/fake';
import { readTextBounded } from '../../../src/core/tokens/files';
import { KeywordScanner } from '../../../src/core/tokens/keyword-scan';
import { allRules } from '../../../src/core/tokens/rules/index';
import { scanOne } from '../../../src/core/tokens/scan-worker';

const FIXTURES = join(__dirname, '../../fixtures/tokens');
const KEYWORDS = [...allRules.flatMap((r) => r.keywords), 'secret', 'kind'];
const scanner = new KeywordScanner(KEYWORDS, HINT_WORDS);

function fixtureTexts(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(FIXTURES);
  return texts;
}

const sorted = (set: Iterable<string>) => [...set].sort();

/** Texts built to trip a byte pass: case, multi-byte characters beside keywords, the two characters whose lower case is ASCII. */
const TRICKY = [
  'GHP_ABC AKIA SECRET Kind: Secret',
  'éghp_ 😀token=abc 中文key: value',
  '\u212Aey=value',
  '\u212AEY_ID: 1 and a\u212A',
  'pass\u0130word',
  '\u0130pass',
  '\uFEFFAPI_TOKEN=abcdefghijklmnop',
  'x\uFEFFtoken=1',
  'passw pass pass_ pass1 pass- _pat _path _pat. PASS',
  'ke\u00e9y to\u00e9ken',
  'k\u0130ey',
  '😀'.repeat(50) + 'password = "s3cr3t-value-here"',
];

test('the byte pass finds exactly the keywords the text pass finds, in every case and script', () => {
  for (const text of [...fixtureTexts(), ...TRICKY, KEYWORDS.join(''), KEYWORDS.join('é'), KEYWORDS.map((k) => k.toUpperCase()).join('😀')]) {
    const bytes = Buffer.from(text, 'utf8');
    const scan = scanner.scanBytes(bytes)!;
    assert.deepEqual(sorted(scan.present), sorted(scanner.find(text.toLowerCase())), JSON.stringify(text.slice(0, 80)));
  }
});

test('upper- and lower-case keywords on raw bytes, and the Kelvin sign and dotted I, which lowercase to ASCII', () => {
  assert.deepEqual(sorted(scanner.scanBytes(Buffer.from('GHP_'))!.present), sorted(scanner.find('ghp_')));
  assert.ok(scanner.scanBytes(Buffer.from('GhP_'))!.present.has('ghp_'));
  // The Kelvin sign is `k` once lowercased: `\u212Aey` holds the keyword `key`.
  const kelvin = scanner.scanBytes(Buffer.from('\u212Aey'))!;
  assert.ok(kelvin.present.has('key'));
  assert.equal(kelvin.special, true);
  // `İ` lowercases to `i` and a combining dot: a keyword may end at the `i`, never continue past it.
  const small = new KeywordScanner(['pi', 'pix']);
  assert.deepEqual(sorted(small.scanBytes(Buffer.from('P\u0130X'))!.present), sorted(small.find('P\u0130X'.toLowerCase())));
  assert.deepEqual(sorted(small.scanBytes(Buffer.from('P\u0130X'))!.present), ['pi']);
  assert.equal(scanner.scanBytes(Buffer.from('plain ascii token'))!.special, false);
  // Offsets count UTF-16 units of the decoded text: two for an emoji, one for `é`, none for a BOM.
  const at = (text: string) => [...scanner.scanBytes(Buffer.from(text))!.sites].map((s) => Math.floor(s / 16));
  assert.deepEqual(at('token'), [0]);
  assert.deepEqual(at('😀é token'), [4]);
  assert.deepEqual(at('\uFEFFtoken key'), [0, 6]);
  // A non-ASCII keyword cannot be read from bytes: the caller decodes instead.
  assert.equal(new KeywordScanner(['ü']).scanBytes(Buffer.from('ü')), undefined);
});

test('assignment hints from the byte pass give the same assignments as the text pass, whatever precedes them', () => {
  const prefixes = ['', '\uFEFF', 'é', '😀😀', '中文', '\u00e9\u4e2d😀', 'x'.repeat(70_000)];
  const bodies = [
    ...fixtureTexts(),
    ...TRICKY,
    `PASS=hunter2-hunter2\npassword: "s3cr3t-${fake(12)}"\nX_PAT=${fake(20)}\n_pat_x=1\nSESSION_KEY=${fake(32)}\n`,
    `key=key=key=${fake(40)} token token= bearer ${fake(30)}`,
  ];
  for (const prefix of prefixes)
    for (const body of bodies) {
      const text = prefix + body;
      const scan = scanner.scanBytes(Buffer.from(text, 'utf8'))!;
      if (scan.special) continue; // offsets move: detect then takes hints from the lowercased text
      const decoded = new TextDecoder().decode(Buffer.from(text, 'utf8'));
      assert.deepEqual(findAssignments(decoded, scan.sites), findAssignments(decoded, decoded.toLowerCase()), JSON.stringify(text.slice(0, 60)));
    }
});

test('findings from the byte pass equal findings from the text, for every fixture and tricky text', () => {
  for (const text of [...fixtureTexts(), ...TRICKY]) {
    const bytes = Buffer.from(text, 'utf8');
    const decoded = new TextDecoder().decode(bytes);
    const pre = prefilterBytes(bytes)!;
    const fromBytes = pre.nothing ? [] : detectInText(decoded, { fileName: 'x.env', prefiltered: pre.scan });
    assert.deepEqual(fromBytes, detectInText(decoded, { fileName: 'x.env' }), JSON.stringify(text.slice(0, 60)));
  }
});

test('random texts: the byte pass and the text pass agree on findings (seeded)', () => {
  let seed = 0x9e3779b9;
  const rand = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const pieces = [
    'API_TOKEN',
    'password',
    'PASS',
    'pass',
    '_pat',
    'Kind: Secret',
    'secret',
    '=',
    ': ',
    '"',
    "'",
    '\n',
    ' ',
    'é',
    '😀',
    '\u212A',
    '\u0130',
    '中',
    'ghp_',
    'AKIA',
    'key',
    'Bearer ',
    fake(36),
    fake(20),
    fakeUuid(),
  ];
  for (let i = 0; i < 400; i++) {
    let text = '';
    for (let j = 0, n = 5 + rand(40); j < n; j++) text += pieces[rand(pieces.length)];
    const bytes = Buffer.from(text, 'utf8');
    const pre = prefilterBytes(bytes)!;
    const fromBytes = pre.nothing ? [] : detectInText(text, { fileName: 'r.env', prefiltered: pre.scan });
    assert.deepEqual(fromBytes, detectInText(text, { fileName: 'r.env' }), JSON.stringify(text));
  }
});

test('a file with no detector word is passed over, and one word of any case is enough to be read', () => {
  assert.equal(prefilterBytes(Buffer.from('export const x = 1;\n'))!.nothing, true);
  for (const word of ['TOKEN', 'Token', 'ghp_', 'AKIA', '\u212Aey', 'kind']) assert.equal(prefilterBytes(Buffer.from(`x ${word} y`))!.nothing, false, word);
});

/** What the plain reader reports for one file: its reference. */
async function plain(path: string, maxBytes: number) {
  const read = await readTextBounded(path, maxBytes);
  if (!read.ok) return { skipped: read.reason };
  return { bytes: read.bytes, findings: detectInText(read.text, { fileName: 'f' }) };
}

test('the byte reader skips and finds exactly as the plain reader: chunk edges, UTF-8, UTF-16, invalid bytes, size limits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bytes-'));
  const token = fakeUuid();
  const files: Record<string, Buffer> = {
    // A keyword across the 64 KiB mark, and a token ending on the last byte.
    'straddle.js': Buffer.from(`${'a'.repeat(65_536 - 12)}\nRAILWAY_API_TOKEN=${token}\nRAILWAY_TOKEN=${fakeUuid()}`),
    'multibyte.ts': Buffer.from(`// ${'é😀中'.repeat(3000)}\nconst RAILWAY_API_TOKEN = "${token}";\n`),
    'bom.env': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`RAILWAY_API_TOKEN=${fakeUuid()}\n`)]),
    'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`RAILWAY_API_TOKEN=${token}\n`, 'utf16le')]),
    'utf16be.txt': Buffer.from(`\u0000A\u0000P\u0000I`, 'latin1'),
    'latin1-clean.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'latin1-token.txt': Buffer.concat([Buffer.from([0xe9]), Buffer.from(` RAILWAY_API_TOKEN=${token}\n`)]),
    'overlong.txt': Buffer.from([0x78, 0xc0, 0xaf, 0x0a]),
    'surrogate.txt': Buffer.from([0x78, 0xed, 0xa0, 0x80, 0x0a]),
    'binary-late.bin': Buffer.concat([Buffer.from(`RAILWAY_API_TOKEN=${token}\n`), Buffer.alloc(20, 0)]),
    'empty.txt': Buffer.alloc(0),
    'exact.env': Buffer.from(`RAILWAY_API_TOKEN=${token}\n`.padEnd(4096, '#')),
    'over.env': Buffer.from(`RAILWAY_API_TOKEN=${token}\n`.padEnd(4097, '#')),
  };
  const scratch: { buffer?: Buffer } = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    for (const max of [4096, 2 * 1024 * 1024]) {
      const fast = scanOne(path, 'f', max, scratch);
      const reference = await plain(path, max);
      assert.deepEqual(
        { skipped: fast.skipped, bytes: fast.bytes, findings: fast.findings },
        { bytes: undefined, findings: undefined, skipped: undefined, ...reference },
        `${name} at ${max}`,
      );
    }
  }
  // The cases mean something: the straddling and last tokens are found, UTF-16 and bad bytes are skipped.
  const big = 2 * 1024 * 1024;
  assert.equal(scanOne(join(dir, 'straddle.js'), 'f', big, scratch).findings?.length, 2);
  assert.equal(scanOne(join(dir, 'multibyte.ts'), 'f', big, scratch).findings?.length, 1);
  assert.equal(scanOne(join(dir, 'bom.env'), 'f', big, scratch).findings?.[0]?.column, 19);
  assert.equal(scanOne(join(dir, 'utf16le.txt'), 'f', big, scratch).skipped, 'binary');
  assert.equal(scanOne(join(dir, 'latin1-clean.txt'), 'f', big, scratch).skipped, 'not valid UTF-8');
  assert.equal(scanOne(join(dir, 'overlong.txt'), 'f', big, scratch).skipped, 'not valid UTF-8');
  assert.equal(scanOne(join(dir, 'surrogate.txt'), 'f', big, scratch).skipped, 'not valid UTF-8');
});

test('a Kubernetes Secret is read the same from bytes as from text, in any case and beside the characters that lowercase to ASCII', () => {
  const data = Buffer.from(`RAILWAY_API_TOKEN=${fakeUuid()}\n`).toString('base64');
  const manifests = [
    `apiVersion: v1\nkind: Secret\ndata:\n  env: ${data}\n`,
    `apiVersion: v1\nKIND: SECRET\ndata:\n  env: ${data}\n`,
    `{"kind": "Secret", "data": {"env": "${data}"}}`,
    `apiVersion: v1\n\u212Aind: Secret\ndata:\n  env: ${data}\n`,
    `apiVersion: v1\nkind: Secret\u0130\ndata:\n  env: ${data}\n`,
    `apiVersion: v1\nkind: Secrets\ndata:\n  env: ${data}\n`,
  ];
  for (const text of manifests) {
    const pre = prefilterBytes(Buffer.from(text))!;
    assert.deepEqual(
      detectInText(text, { fileName: 's.yaml', prefiltered: pre.scan }),
      detectInText(text, { fileName: 's.yaml' }),
      JSON.stringify(text.slice(0, 30)),
    );
  }
  // The Secret path is really taken from bytes (the parser itself wants `kind: Secret` exactly).
  assert.ok(
    detectInText(manifests[0]!, { fileName: 's.yaml', prefiltered: prefilterBytes(Buffer.from(manifests[0]!))!.scan }).some((f) =>
      f.title.includes('Kubernetes Secret'),
    ),
  );
});

/** Every occurrence of each tracked word in the lowercased text, as scanBytes encodes sites. */
function expectedSites(lower: string): number[] {
  const sites: number[] = [];
  for (const word of new Set(HINT_WORDS)) for (let i = lower.indexOf(word); i !== -1; i = lower.indexOf(word, i + 1)) sites.push(i * 16 + word.length);
  return sites.sort((x, y) => x - y);
}

test('long files are read in two lanes: keywords across the middle and the second lane start, multi-byte text in the first half', () => {
  let seed = 0x2545f491;
  const rand = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const fillers = ['a', ' ', '\n', 'é', '😀', '中', 'Ж', 'x=1;', 'TOKEN', 'ghp_', 'Secret', 'pass', 'passw', '_pat', 'KEY'];
  let checked = 0;
  for (let round = 0; round < 60; round++) {
    let body = '';
    while (body.length < 6000 + rand(6000)) body += fillers[rand(fillers.length)];
    const bytes = Buffer.from(body, 'utf8');
    // Put a keyword at every alignment around the middle and around where the second lane starts.
    for (const word of ['token', 'credential', 'ghp_', 'pypi-ageichlwas5vcmc']) {
      const mid = bytes.length >> 1;
      for (const center of [mid, mid - 3 * 20, mid - 3 * 40]) {
        for (let at = center - word.length; at <= center + 1; at++) {
          const copy = Buffer.from(bytes);
          copy.write(word, Math.max(0, at), 'latin1');
          // The write may cut a multi-byte character: keep only valid UTF-8, as the scan does.
          const text = new TextDecoder().decode(copy);
          const valid = Buffer.from(text, 'utf8');
          const scan = scanner.scanBytes(valid)!;
          const lower = text.toLowerCase();
          assert.deepEqual(sorted(scan.present), sorted(scanner.find(lower)), `${word} at ${at}`);
          if (!scan.special) assert.deepEqual([...scan.sites], expectedSites(lower), `${word} at ${at} (sites)`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 1000);
  // The two characters whose lower case is ASCII, right at the middle.
  for (const odd of ['\u212Aey', '\u0130', 'p\u0130', 'to\u212Aen']) {
    for (let pad = 6000; pad < 6012; pad++) {
      const text = `${'é'.repeat(pad >> 1)}${odd}${'z'.repeat(pad)}`;
      const scan = scanner.scanBytes(Buffer.from(text, 'utf8'))!;
      assert.deepEqual(sorted(scan.present), sorted(scanner.find(text.toLowerCase())), `${odd} padded ${pad}`);
    }
  }
});

test("the byte pass tracks exactly HINT's words: a word added to one and not the other would be missed from bytes", () => {
  const fromRegex = HINT.source.split('|').map((w) => w.replace(/\\b$/, ''));
  assert.deepEqual([...fromRegex].sort(), [...HINT_WORDS].sort());
  for (const w of fromRegex) assert.match(w, /^[a-z_]+$/, `${w}: the sites assume plain lower-case words`);
});
