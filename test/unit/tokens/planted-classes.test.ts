import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classFigures, findingAt, namesProvider } from '../../../scripts/token-recall';
import { detectInText } from '../../../src/core/tokens/detect';
import { UNKNOWN_SCOPE } from '../../../src/core/tokens/types';
import { FORMATS, plantedNegatives, plantedPositives, SYNTAXES } from '../../fixtures/tokens/classes/planted-classes';

const positives = plantedPositives();

test('the planted classes cover every format in every syntax', () => {
  assert.ok(FORMATS.length >= 25 && SYNTAXES.length >= 35);
  assert.equal(positives.length, FORMATS.length * SYNTAXES.length);
});

for (const syntax of SYNTAXES) {
  test(`syntax ${syntax.id}: every format found at its line, naming its provider`, () => {
    const problems: string[] = [];
    for (const p of positives.filter((x) => x.syntax === syntax.id)) {
      const finding = findingAt(p, detectInText(p.text, { fileName: p.fileName }));
      if (!finding) problems.push(`${p.format}: missed`);
      else if (!namesProvider(p, finding)) problems.push(`${p.format}: named ${finding.provider} (${finding.type})`);
      else if (p.provider !== 'Unknown' && finding.scope === UNKNOWN_SCOPE) problems.push(`${p.format}: scope unknown although ${p.provider} is named`);
    }
    assert.deepEqual(problems, []);
  });
}

test('ways around: CRLF line ends, tabs for spaces, and a trailing comment still find the value', () => {
  const missed: string[] = [];
  for (const p of positives) {
    // YAML forbids tabs in indentation; in a block scalar, JSON or XML a `#` is part of the text, not a comment.
    const yaml = /^(?:yaml|k8s)-/.test(p.syntax);
    const variants = [
      p.text.replace(/\n/g, '\r\n'),
      yaml ? undefined : p.text.replace(/ {2,4}/g, '\t'),
      /block|k8s|json|xml|csv/.test(p.syntax) ? undefined : `${p.text} # deploy`,
    ];
    for (const [i, text] of variants.entries()) {
      if (text === undefined) continue;
      if (!findingAt(p, detectInText(text, { fileName: p.fileName }))) missed.push(`${p.format} in ${p.syntax} (variant ${i})`);
    }
  }
  assert.deepEqual(missed, []);
});

test('look-alikes: placeholders, SOPS, CSRF tokens, Maven coordinates, public-by-design keys, malformed values: no finding', () => {
  const flagged = plantedNegatives().flatMap((n) => detectInText(n.text, { fileName: n.fileName }).map((f) => `${n.id}: ${f.type}`));
  assert.deepEqual(flagged, []);
});

test('the figures bench:scan prints agree with the per-case tests', () => {
  const f = classFigures();
  assert.equal(f.found, f.positives);
  assert.equal(f.named, f.found);
  assert.equal(f.unknownScope, 0);
  assert.equal(f.flagged, 0);
});
