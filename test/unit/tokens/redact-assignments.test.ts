import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactText } from '../../../src/core/redact';
import { fake } from '../../../src/core/tokens/fake';

// Free text (command lines, log lines): a value given to a secret-like name is hidden whatever
// its format, length or entropy. Each case names the secret that must not survive.
const AWS_EXAMPLE = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const off = fake(41);

const leaks: Array<[string, string, string]> = [
  ['AWS secret, 40 characters', `AWS_SECRET_ACCESS_KEY=${fake(40)}`, ''],
  ['AWS secret, 41 characters (format off)', `AWS_SECRET_ACCESS_KEY=${off}`, off],
  ['AWS documented example key', `AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE}`, AWS_EXAMPLE],
  ['export', `export AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE}`, AWS_EXAMPLE],
  ['YAML-style', `aws_secret_access_key: ${AWS_EXAMPLE}`, AWS_EXAMPLE],
  ['INI-style with spaces', `aws_secret_access_key = ${AWS_EXAMPLE}`, AWS_EXAMPLE],
  ['JSON', `{"aws_secret_access_key": "${AWS_EXAMPLE}"}`, AWS_EXAMPLE],
  ['aws configure set', `aws configure set aws_secret_access_key ${AWS_EXAMPLE}`, AWS_EXAMPLE],
  ['short token', 'MY_TOKEN=abc ./deploy', 'abc'],
  ['placeholder-looking token', 'API_KEY=changeme', 'changeme'],
  ['*_PASS', 'DB_PASS=hunter2 ./migrate', 'hunter2'],
  ['bare *_KEY', 'STRIPE_KEY=sk_test_xx node server.js', 'sk_test_xx'],
  ['one-character password flag', 'mycli --password=x run', '=x'],
  ['--token value', 'mycli --token abcdefgh', 'abcdefgh'],
  ['--token=value', 'mycli --token=abcdefgh', 'abcdefgh'],
  ['--api-key value', 'mycli --api-key abcdefgh', 'abcdefgh'],
  ['Authorization header without scheme', 'curl -H "Authorization: abcdef123" https://api.acme.io', 'abcdef123'],
  ['Authorization token scheme', "curl -H 'Authorization: token abcdef123' https://api.acme.io", 'abcdef123'],
  ['X-Api-Key header', 'curl -H "X-Api-Key: abcdef123" https://api.acme.io', 'abcdef123'],
  ['quoted passphrase with spaces', 'ENCRYPTION_KEY="correct horse battery staple" ./run', 'horse battery'],
  ['PGPASSWORD', 'PGPASSWORD=pw123 psql -h db', 'pw123'],
  ['numeric password', 'DB_PASSWORD=123456 ./migrate', '123456'],
  ['mysql attached -p', 'mysql -u root -pS3cr3tPw prod', 'S3cr3tPw'],
  ['mysql -p equal to the user name', 'mysql -u root -proot prod', '-proot'],
  ['mysql -p quoted', "mysqldump -u app -p'Tr0ub4dor&3' app", 'Tr0ub4dor'],
  ['docker login -p', 'docker login -u ci -p hunter22 registry.acme.io', 'hunter22'],
  ['sshpass -p', 'sshpass -p hunter22 ssh deploy@host', 'hunter22'],
  ['curl -u user:password', 'curl -u admin:hunter22 https://api.acme.io', 'hunter22'],
  ['curl --user quoted', "curl --user 'ci:Tr0ub4dor' https://api.acme.io", 'Tr0ub4dor'],
  ['keytool -storepass', 'keytool -list -keystore ks.jks -storepass Chang3It', 'Chang3It'],
];

for (const [name, line, secret] of leaks) {
  test(`redactText hides: ${name}`, () => {
    const out = redactText(line);
    assert.notEqual(out, line, `nothing redacted in ${line}`);
    if (secret) assert.ok(!out.includes(secret), `leaked ${secret} in ${out}`);
    assert.match(out, /…\(\d+ chars\)/);
  });
}

test('redactText keeps the preview form: at most 4 characters and the length', () => {
  assert.equal(redactText(`AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE}`), 'AWS_SECRET_ACCESS_KEY=wJal…(40 chars)');
  assert.equal(redactText('DB_PASS=hunter2'), 'DB_PASS=h…(7 chars)');
  assert.equal(redactText('mysql -u root -proot prod'), 'mysql -u root -pr…(4 chars) prod');
});

test('redactText keeps what cannot be a secret', () => {
  for (const line of [
    'TOKEN_TTL=3600 ./serve',
    'MAX_TOKENS=4096 python gen.py',
    'SECRET_ENABLED=true',
    'AUTH_REQUIRED=false',
    'MY_TOKEN=$OTHER ./run',
    'MY_TOKEN=${OTHER} ./run',
    'GITHUB_TOKEN=$(gh auth token) gh pr list',
    'export TOKEN_FILE=/run/secrets/token',
    'curl --key client.key --cert client.pem https://api.acme.io',
    'ssh -i ~/.ssh/deploy_key deploy@host',
    'echo $API_KEY | docker login --password-stdin registry.acme.io',
    'ansible-playbook --ask-become-pass site.yml',
    'mysql -u root -p prod',
    'ssh -p 2222 host',
    'git log --author alice',
    'aws configure set region eu-west-1',
    'curl -u admin https://api.acme.io',
    'curl -u $CI_USER:$CI_PASS https://api.acme.io',
    'PORT=3000 node server.js',
  ]) {
    assert.equal(redactText(line), line);
  }
});
