// A rule's `requires` skips its pattern on texts that cannot hold a finding: it must never drop
// one the pattern and check would have kept. The AWS secret rule is the one that uses it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectInText } from '../../../src/core/tokens/detect';
import { BASE32, BASE64, fake } from '../../../src/core/tokens/fake';
import { ruleById } from '../../../src/core/tokens/rules/index';

/** The rule's pattern and check over the whole text, as the scan ran them before `requires`. */
function withoutRequires(id: string, text: string): number[] {
  const rule = ruleById(id)!;
  const pattern = new RegExp(rule.pattern!.source, rule.pattern!.flags);
  const starts: number[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (!rule.check || rule.check(m[0], m)) starts.push(m.index);
  return starts;
}

const secret = `${fake(38, BASE64)}Q9`;

test('the AWS secret rule finds what it found without its key-id requirement, at window edges too', () => {
  const id = `AKIA${fake(16, BASE32)}`;
  const texts = [
    `aws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`,
    // The key id just inside the 1,500-character window, glued to a letter the window cuts off.
    `X${id}${' '.repeat(1500 - 21)} ${secret}`,
    `x${' '.repeat(10)}${secret}${' '.repeat(1499)}${id}Z`,
    // An id of the documentation's, a lower-case one, and none: nothing to find.
    `AKIAIOSFODNN7EXAMPLE ${secret}`,
    `${id.toLowerCase()} ${secret}`,
    `ASIA is a continent; ${secret}`,
  ];
  for (const text of texts) {
    const found = detectInText(text, { fileName: 'creds' }).filter((f) => f.type === 'aws-access-key');
    assert.equal(found.length, withoutRequires('aws-access-key', text).length, JSON.stringify(text.slice(0, 40)));
  }
  assert.equal(detectInText(texts[0]!, { fileName: 'creds' }).filter((f) => f.type === 'aws-access-key').length, 1);
  assert.equal(detectInText(texts[1]!, { fileName: 'creds' }).filter((f) => f.type === 'aws-access-key').length, 1);
});

// Mailchimp's keyword is `-us` and a digit (every match holds one), not `-us`: keys in every data
// centre, upper-case around them, and one after a bare `-us` elsewhere are all still found.
test('Mailchimp keys are found in every data centre with the narrower keywords', () => {
  const hex = () => fake(32, '0123456789abcdef');
  for (const dc of [0, 1, 2, 9, 10, 19, 21, 99]) {
    for (const text of [`MAILCHIMP_KEY=${hex()}-us${dc}`, `en-us; MC_API = "${hex()}-us${dc}" // -USER`, `X-US1 ${hex()}-us${dc}`]) {
      const types = detectInText(text, { fileName: 'mc.env' }).map((f) => f.type);
      assert.ok(types.includes('mailchimp-api-key'), text);
    }
  }
  assert.deepEqual(
    detectInText(`en-us ${fake(32, '0123456789abcdef')}-usa`, { fileName: 'x.js' }).filter((f) => f.type === 'mailchimp-api-key'),
    [],
  );
});
